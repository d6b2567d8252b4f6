-- Headless Neovim on the ACM-CR collection (run by acm-cr.sh with acm.tex open): per case of
-- $ACM_CR_CASES (a topic of ACM-CR: its citation sentence, the DOI it cites), <C-x><C-o> in the empty
-- \cite{} after the sentence (omnifunc = vim.lsp.omnifunc) must list the DOI among the first 5 items
-- with a "related …" detail, and accepting it writes it; then vim.lsp.buf.code_action() on the same
-- sentence without its marker (vim.ui.select answered with the action that cites the DOI) must leave
-- the line with ~\cite{DOI} before its full stop. Prints "acm-cr: N passed, N failed".
local T = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/harness.lua')('acm-cr: ')
local out, ms, check, finish, keys, oneline, wait, client_of = T.out, T.ms, T.check, T.finish, T.keys, T.oneline, T.wait, T.client_of
local float_text, close_floats = T.float_text, T.close_floats
vim.notify = function(msg) out('     notify: ' .. tostring(msg)) end

local function cases()
  local list = {}
  for l in io.lines(os.getenv('ACM_CR_CASES')) do
    local f = vim.split(l, '\t', true)
    table.insert(list, { topic = f[1], doi = f[2], cite_line = tonumber(f[3]), action_line = tonumber(f[4]), expected = f[5], title = f[6] })
  end
  return list
end

local function run_case(buf, c)
  local label = 'acm-cr topic ' .. c.topic
  local saved = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local function restore() vim.api.nvim_buf_set_lines(buf, 0, -1, false, saved) end
  local function line(n) return vim.api.nvim_buf_get_lines(buf, n - 1, n, false)[1] end

  -- completion: <C-x><C-o> with the cursor inside the empty \cite{}
  local col = line(c.cite_line):find('\\cite{}', 1, true)
  vim.opt.completeopt = { 'menuone', 'noinsert' }
  vim.api.nvim_win_set_cursor(0, { c.cite_line, col - 1 + 5 }) -- on the "{": append after it
  local menu, took = T.omni_menu()
  local rank
  for i, it in ipairs(menu) do
    if it.word == c.doi then rank = i; break end
  end
  local shown = {}
  for i = 1, math.min(5, #menu) do table.insert(shown, menu[i].word .. ' (' .. (menu[i].menu or '') .. ')') end
  local detail = rank and menu[rank].menu or ''
  check(rank ~= nil and rank <= 5 and detail:find('related', 1, true) == 1,
    label .. ': <C-x><C-o> in \\cite{} after the sentence lists ' .. c.doi .. ' among the first 5, its detail "related …"',
    string.format('%.0f ms, rank %s of %d: %s', took, tostring(rank), #menu, table.concat(shown, ', ')))
  -- accept it: <C-n> down to it (the first item is selected), <C-y>
  if rank and rank <= 5 then
    vim.api.nvim_feedkeys(keys(string.rep('<C-n>', rank - 1) .. '<C-y><Esc>'), 'n', false)
  else
    vim.api.nvim_feedkeys(keys('<C-e><Esc>'), 'n', false)
  end
  wait(function() return vim.fn.mode() == 'n' end, 2000)
  local got = line(c.cite_line)
  check(got:find('\\cite{' .. c.doi .. '}', 1, true) ~= nil, label .. ': <C-y> writes \\cite{' .. c.doi .. '}', got)
  restore()

  -- the code action, through vim.lsp.buf.code_action() and its menu (vim.ui.select)
  vim.api.nvim_win_set_cursor(0, { c.action_line, 10 })
  local real_select = vim.ui.select
  local offered, position
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    for i, item in ipairs(items) do
      local action = item.action or item[2] -- 0.7: { client_id, action }; later: { action = ..., ctx = ... }
      table.insert(offered, action and action.title or '?')
      for _, edits in pairs(action and action.edit and action.edit.changes or {}) do
        for _, e in ipairs(edits) do
          if not position and e.newText == '~\\cite{' .. c.doi .. '}' then position = i end
        end
      end
    end
    if position then return on_choice(items[position], position) end
    on_choice(nil, nil)
  end
  local t0 = vim.loop.hrtime()
  vim.lsp.buf.code_action()
  got = wait(function() return line(c.action_line) == c.expected and line(c.action_line) end, 10000)
  vim.ui.select = real_select
  check(got ~= nil, label .. ': vim.lsp.buf.code_action() on the sentence: the "Cite ' .. c.title .. '" action puts ~\\cite{'
      .. c.doi .. '} before its full stop',
    string.format('%.0f ms, action %s of %d: %s | line: %s', ms(t0), tostring(position), offered and #offered or 0,
      table.concat(offered or {}, ' | '), line(c.action_line)))
  restore()
end

T.run(function()
  local buf = vim.api.nvim_get_current_buf()
  local t0 = vim.loop.hrtime()
  local client, attach_ms = T.attached(buf)
  check(client ~= nil, 'acm-cr: server attached to acm.tex', string.format('%.0f ms', attach_ms))
  if not client then return finish() end
  -- the end of the first index run: the prebuilt index is taken as it is (no file read again)
  local indexed = wait(function() return _G.paperlink_test_indexed end, 60000)
  check(indexed ~= nil and indexed:match('^%d+ papers; 0 files read') ~= nil and not indexed:match('^0 papers'),
    'acm-cr: the server opens the prebuilt ACM-CR index up to date (indexDir and corpus settings)',
    string.format('%.0f ms: %s', ms(t0), tostring(indexed)))
  for _, c in ipairs(cases()) do run_case(buf, c) end
  for _, c in ipairs(require('paperlink').clients()) do require('paperlink').call(c, 'stop') end
  finish()
end)
