-- Headless test of the PaperLink Neovim plugin, driven through Neovim's own LSP client and UI paths:
-- omnifunc completion typed in insert mode, vim.lsp.buf.hover() (its floating window), and
-- vim.lsp.buf.definition() (the jump). Run by run.sh with note.tex open; prints "N passed, N failed".
local passed, failed = 0, 0
local t_start = vim.loop.hrtime()
local function out(s) io.stdout:write(s .. '\n') end
local function ms(t0) return (vim.loop.hrtime() - t0) / 1e6 end
local function check(ok, name, detail)
  if ok then passed = passed + 1 else failed = failed + 1 end
  out(string.format('%s - %s%s', ok and 'ok' or 'FAIL', name, detail and ('  [' .. detail .. ']') or ''))
end
local function finish()
  out(string.format('total %.1f s', ms(t_start) / 1000))
  out(string.format('%d passed, %d failed', passed, failed))
  vim.cmd(failed > 0 and 'cquit 1' or 'qall!')
end
local function keys(s) return vim.api.nvim_replace_termcodes(s, true, false, true) end
local function oneline(s) return (s or ''):gsub('%s+', ' ') end

-- The steps run in a coroutine that yields to Neovim's event loop while it waits, so that key
-- presses, LSP responses and the completion menu are processed as in an interactive session.
local co
local function wait(cond, timeout_ms)
  local deadline = vim.loop.hrtime() + (timeout_ms or 5000) * 1e6
  while true do
    local v = cond()
    if v then return v end
    if vim.loop.hrtime() > deadline then return nil end
    vim.defer_fn(function()
      local ok, err = coroutine.resume(co)
      if not ok then out('FAIL - error: ' .. tostring(err)); failed = failed + 1; finish() end
    end, 15)
    coroutine.yield()
  end
end

local function client_of(buf)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, c in pairs(clients) do
    if c.name == 'paperlink' then return c end
  end
end

-- 1-based line of the first line containing `text` in a file, and the 0-based byte column of `text`
local function locate(file, text)
  local n = 0
  for line in io.lines(file) do
    n = n + 1
    local col = line:find(text, 1, true)
    if col then return n, col - 1 end
  end
end

local function float_text()
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then
      return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), '\n'), w
    end
  end
end

local function run_document(file, label, expected_insert)
  vim.cmd('edit ' .. file)
  local buf = vim.api.nvim_get_current_buf()
  local t0 = vim.loop.hrtime()
  local client = wait(function()
    local c = client_of(buf)
    return (c and c.initialized and c) or (_G.paperlink_test_exit ~= nil and 'exited')
  end, 20000)
  if client == 'exited' then client = nil end
  check(client ~= nil, label .. ': server attached and initialized (filetype ' .. vim.bo[buf].filetype .. ')',
    client and string.format('%.0f ms', ms(t0)) or ('server exit code ' .. tostring(_G.paperlink_test_exit)))
  if not client then return false end

  if label == 'latex' then -- the settings reached the server: its index is where indexDir says
    local dir = os.getenv('PAPERLINK_TEST_DIR') .. '/index'
    local made = wait(function() return vim.fn.isdirectory(dir) == 1 end, 10000)
    check(made ~= nil, label .. ': the server keeps its index in the indexDir setting', dir)
  end

  -- completion: what the server offers after "vasw"
  local row, col = locate(file, 'vasw')
  vim.api.nvim_win_set_cursor(0, { row, col + 4 })
  t0 = vim.loop.hrtime()
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/completion', vim.lsp.util.make_position_params(), 5000)
  local labels = {}
  for _, r in pairs(res or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do table.insert(labels, it.label) end
  end
  check(labels[1] == 'vaswani2017attention', label .. ': completion after "vasw" offers vaswani2017attention first',
    string.format('%.0f ms: %s', ms(t0), table.concat(labels, ', ')))

  -- completion as typed: <C-x><C-o> in insert mode (omnifunc = vim.lsp.omnifunc), accept with <C-y>
  vim.opt.completeopt = { 'menuone', 'noinsert' }
  vim.api.nvim_win_set_cursor(0, { row, col + 3 }) -- on the "w": append after it
  vim.api.nvim_feedkeys(keys('a<C-x><C-o>'), 'n', false)
  local items = wait(function()
    local info = vim.fn.complete_info({ 'items' })
    return vim.fn.mode() == 'i' and #info.items > 0 and info.items
  end, 5000)
  local words = {}
  for _, it in ipairs(items or {}) do table.insert(words, it.word) end
  vim.api.nvim_feedkeys(keys('<C-y><Esc>'), 'n', false)
  wait(function() return vim.fn.mode() == 'n' end, 2000)
  local line = vim.api.nvim_buf_get_lines(buf, row - 1, row, false)[1]
  check(line:find(expected_insert, 1, true) ~= nil, label .. ': <C-x><C-o> then <C-y> inserts the key',
    'menu: ' .. table.concat(words, ', ') .. ' | line: ' .. line)

  -- hover: vim.lsp.buf.hover() opens a floating window with the card
  row, col = locate(file, 'he2016deep')
  vim.api.nvim_win_set_cursor(0, { row, col + 2 })
  t0 = vim.loop.hrtime()
  vim.lsp.buf.hover()
  local text, win = wait(float_text, 5000)
  text = text or ''
  local hover_ms = ms(t0)
  check(text:find('Deep Residual Learning for Image Recognition', 1, true) ~= nil
        and text:find('Deeper neural networks are more difficult to train', 1, true) ~= nil,
    label .. ': hover float shows the title and the abstract', string.format('%.0f ms: %s', hover_ms, oneline(text):sub(1, 160)))
  if win then vim.api.nvim_win_close(win, true) end

  -- definition: vim.lsp.buf.definition() jumps to the key's line in refs.bib
  local bib = vim.fn.fnamemodify('refs.bib', ':p')
  local bib_row, bib_col = locate(bib, '{he2016deep,')
  vim.api.nvim_win_set_cursor(0, { row, col + 2 })
  t0 = vim.loop.hrtime()
  vim.lsp.buf.definition()
  local landed = wait(function() return vim.api.nvim_buf_get_name(0) == bib end, 5000)
  local pos = vim.api.nvim_win_get_cursor(0)
  check(landed and pos[1] == bib_row, label .. ': definition jumps to refs.bib line ' .. bib_row,
    string.format('%.0f ms: %s:%d:%d', ms(t0), vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t'), pos[1], pos[2]))
  if landed then
    check(pos[2] == bib_col + 1, label .. ': definition cursor on the key', 'column ' .. pos[2] .. ', key at ' .. (bib_col + 1))
  end
  vim.cmd('buffer ' .. buf)
  return true
end

co = coroutine.create(function()
  if not run_document(vim.fn.fnamemodify('note.tex', ':p'), 'latex', [[\cite{vaswani2017attention}]]) then
    finish() -- no server: the other checks would only repeat the failure
  end
  run_document(vim.fn.fnamemodify('note.md', ':p'), 'markdown', '[@vaswani2017attention]')
  -- settings changed while the server runs: update_settings sends workspace/didChangeConfiguration
  require('paperlink').update_settings { hover = { abstractMaxChars = 0 } }
  local row, col = locate(vim.fn.fnamemodify('note.md', ':p'), 'he2016deep')
  vim.api.nvim_win_set_cursor(0, { row, col + 2 })
  local text = wait(function()
    local res = vim.lsp.buf_request_sync(0, 'textDocument/hover', vim.lsp.util.make_position_params(), 2000)
    for _, r in pairs(res or {}) do
      local v = r.result and r.result.contents and r.result.contents.value or ''
      if v:find('Deep Residual', 1, true) and not v:find('Deeper neural networks', 1, true) then return v end
    end
  end, 5000)
  check(text ~= nil, 'update_settings{hover = {abstractMaxChars = 0}}: the hover drops the abstract', oneline(text):sub(1, 100))

  local clients = require('paperlink').clients()
  check(#clients == 1, 'one server for both documents of the project', #clients .. ' client(s)')
  -- shut down as a user quitting would; wait for the server to exit
  local exited
  local t0 = vim.loop.hrtime()
  for _, c in ipairs(clients) do
    local id = c.id
    require('paperlink').call(c, 'stop')
    exited = wait(function() return vim.lsp.get_client_by_id(id) == nil end, 5000)
  end
  check(exited ~= nil, 'server stopped after shutdown', string.format('%.0f ms', ms(t0)))
  finish()
end)
local ok, err = coroutine.resume(co)
if not ok then out('FAIL - error: ' .. tostring(err)); failed = failed + 1; finish() end
