-- Headless Neovim on a team corpus on SolrCloud (run by solr.sh with team.tex open; the demo corpus is
-- indexed into the cluster's collection; the workspace's refs.bib holds the lab's own entries only):
-- <C-x><C-o> after \cite{vasw} lists vaswani2017attention and <C-y> writes it, vim.lsp.buf.hover() on
-- it shows the demo's title and abstract, vim.lsp.buf.definition() goes to the demo file the cluster
-- has it from, and the workspace's own refs.bib is layered over the cluster: its he2016deep is the
-- one hovered, and <C-x><C-o> after \cite{myla} offers its own key.
-- Prints "solr: N passed, N failed".
local T = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/harness.lua')('solr: ')
local out, ms, check, finish, keys, oneline, wait, client_of = T.out, T.ms, T.check, T.finish, T.keys, T.oneline, T.wait, T.client_of
local float_text, close_floats = T.float_text, T.close_floats
vim.notify = function(msg) out('     notify: ' .. tostring(msg)) end

-- the text and window of a float holding `needle` (a float of an earlier request may still be open)
local function float_with(needle)
  return function()
    local text, win = float_text()
    if text and text:find(needle, 1, true) then return text, win end
  end
end

-- 1-based row of the first line of the buffer holding `text`, and the 0-based byte column of `text`
local function locate(buf, text)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = l:find(text, 1, true)
    if col then return i, col - 1 end
  end
end

-- <C-x><C-o> in insert mode after `prefix` (omnifunc = vim.lsp.omnifunc); the menu must list `key`,
-- which <C-n>… <C-y> accepts. Returns whether it was listed, and a description of the menu.
local function omni_complete(buf, prefix, key)
  local row, col = locate(buf, '\\cite{' .. prefix .. '}')
  vim.opt.completeopt = { 'menuone', 'noinsert' }
  vim.api.nvim_win_set_cursor(0, { row, col + 5 + #prefix }) -- on the prefix's last character: append after it
  local menu, took = T.omni_menu()
  local rank
  local shown = {}
  for i, it in ipairs(menu) do
    if not rank and it.word == key then rank = i end
    if i <= 5 then table.insert(shown, it.word .. ' (' .. (it.menu or '') .. ')') end
  end
  if rank then
    vim.api.nvim_feedkeys(keys(string.rep('<C-n>', rank - 1) .. '<C-y><Esc>'), 'n', false)
  else
    vim.api.nvim_feedkeys(keys('<C-e><Esc>'), 'n', false)
  end
  wait(function() return vim.fn.mode() == 'n' end, 2000)
  local line = vim.api.nvim_buf_get_lines(buf, row - 1, row, false)[1]
  return rank ~= nil and line:find('\\cite{' .. key .. '}', 1, true) ~= nil, row,
    string.format('%.0f ms, rank %s of %d: %s | line: %s', took, tostring(rank), #menu, table.concat(shown, ', '), line)
end

T.run(function()
  local buf = vim.api.nvim_get_current_buf()
  local demo = vim.loop.fs_realpath(os.getenv('PAPERLINK_DEMO_CORPUS'))
  local t0 = vim.loop.hrtime()
  local client, attach_ms = T.attached(buf)
  check(client ~= nil, 'solr: server attached to team.tex (corpus = { solr = { urls, collection } })',
    client and string.format('%.0f ms', attach_ms) or ('server exit code ' .. tostring(_G.paperlink_test_exit)))
  if not client then return finish() end

  -- (1) completion of a paper only the cluster has
  local ok, row, detail = omni_complete(buf, 'vasw', 'vaswani2017attention')
  check(ok, 'solr: <C-x><C-o> after \\cite{vasw} lists vaswani2017attention (only in the cluster) and <C-y> writes it', detail)
  local col = select(2, locate(buf, '\\cite{vaswani2017attention}')) or 0
  -- accepting it ran the item's command (paperlink.addToBibliography): the cluster's entry in refs.bib's
  -- buffer, not written. The buffer is thrown away, so that what follows can only come from the cluster.
  local bib = vim.fn.fnamemodify('refs.bib', ':p')
  local added = wait(function()
    local b = vim.fn.bufnr(bib)
    local text = b > 0 and table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n') or ''
    return text:find('{vaswani2017attention,', 1, true) and text:find('Attention Is All You Need', 1, true) and b
  end, 5000)
  local entry = added and vim.api.nvim_buf_get_lines(added, 0, -1, false) or {}
  check(added ~= nil, "solr: accepting it adds the cluster's entry to refs.bib's buffer (paperlink.addToBibliography)",
    oneline(table.concat(entry, ' ')):match('@%w+{vaswani2017attention,.-title = {[^}]*}') or 'refs.bib unchanged')
  if added then vim.cmd('bwipeout! ' .. added) end

  -- (2) hover on the completed key: the card of the cluster's paper (the demo's own abstract)
  vim.api.nvim_win_set_cursor(0, { row, col + 8 })
  t0 = vim.loop.hrtime()
  close_floats()
  vim.lsp.buf.hover()
  local text, win = wait(float_with('Attention'), 5000)
  text = text or ''
  check(text:find('Attention Is All You Need', 1, true) ~= nil
      and text:find('A sequence transduction architecture built only on attention', 1, true) ~= nil,
    'solr: hover float on vaswani2017attention shows the title and the abstract from the cluster',
    string.format('%.0f ms: %s', ms(t0), oneline(text):sub(1, 360)))
  if win then vim.api.nvim_win_close(win, true) end

  -- (3) definition: the file (as indexed into the cluster) the paper was read from
  vim.api.nvim_win_set_cursor(0, { row, col + 8 })
  local params = vim.lsp.util.make_position_params()
  t0 = vim.loop.hrtime()
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 5000)
  local locs = {}
  for _, r in pairs(res or {}) do
    local result = r.result or {}
    if result.uri or result.targetUri then result = { result } end
    for _, l in ipairs(result) do
      local uri, range = l.uri or l.targetUri, l.range or l.targetSelectionRange
      table.insert(locs, string.format('%s:%d', vim.uri_to_fname(uri), range and range.start.line + 1 or 0))
    end
  end
  local req_ms = ms(t0)
  vim.lsp.buf.definition()
  local landed = wait(function()
    local name = vim.api.nvim_buf_get_name(0)
    return name ~= vim.api.nvim_buf_get_name(buf) and name
  end, 5000)
  local pos = vim.api.nvim_win_get_cursor(0)
  local here_line = vim.api.nvim_get_current_line()
  check(landed ~= nil and demo ~= nil and vim.loop.fs_realpath(landed):sub(1, #demo + 1) == demo .. '/',
    'solr: definition of vaswani2017attention goes to the demo file it was indexed from',
    string.format('%.0f ms: %s | jumped to %s:%d: %s', req_ms, table.concat(locs, ', '), tostring(landed), pos[1], here_line))
  vim.cmd('buffer ' .. buf)

  -- a key both in refs.bib and in the cluster: the workspace's own entry wins
  row, col = locate(buf, '\\cite{he2016deep}')
  vim.api.nvim_win_set_cursor(0, { row, col + 8 })
  close_floats()
  t0 = vim.loop.hrtime()
  vim.lsp.buf.hover()
  text, win = wait(float_with('Residual'), 5000)
  text = text or ''
  check(text:find('Residual Nets, Our Annotated Copy', 1, true) ~= nil and text:find('Deep Residual Learning', 1, true) == nil,
    "solr: hover on he2016deep (in refs.bib and in the cluster) shows refs.bib's entry",
    string.format('%.0f ms: %s', ms(t0), oneline(text):sub(1, 200)))
  if win then vim.api.nvim_win_close(win, true) end

  -- (4) the workspace's own .bib, layered over the shared corpus: its key completes too
  ok, row, detail = omni_complete(buf, 'myla', 'mylab2024notes')
  check(ok, "solr: <C-x><C-o> after \\cite{myla} lists mylab2024notes (the workspace's own refs.bib) and <C-y> writes it", detail)

  for _, c in ipairs(require('paperlink').clients()) do require('paperlink').call(c, 'stop') end
  finish()
end)
