-- What the headless Neovim tests share (test.lua, acm-cr.lua, solr.lua): the count of checks, the
-- closing "PREFIXN passed, N failed" line, and the steps run in a coroutine that yields to Neovim's
-- event loop while it waits, so that key presses, LSP responses and the completion menu are
-- processed as in an interactive session.
--   local T = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/harness.lua')('solr: ')
--   T.run(function() ... T.check(ok, name, detail) ... T.finish() end)
return function(prefix)
  local T = { passed = 0, failed = 0 }
  local t_start = vim.loop.hrtime()
  local co

  function T.out(s) io.stdout:write(s .. '\n') end
  function T.ms(t0) return (vim.loop.hrtime() - t0) / 1e6 end
  function T.keys(s) return vim.api.nvim_replace_termcodes(s, true, false, true) end
  function T.oneline(s) return (s or ''):gsub('%s+', ' ') end

  function T.check(ok, name, detail)
    if ok then T.passed = T.passed + 1 else T.failed = T.failed + 1 end
    T.out(string.format('%s - %s%s', ok and 'ok' or 'FAIL', name, detail and ('  [' .. detail .. ']') or ''))
  end

  function T.finish()
    T.out(string.format('%stotal %.1f s', prefix, T.ms(t_start) / 1000))
    T.out(string.format('%s%d passed, %d failed', prefix, T.passed, T.failed))
    vim.cmd(T.failed > 0 and 'cquit 1' or 'qall!')
  end

  local function pack(...) return { n = select('#', ...), ... } end -- LuaJIT (Lua 5.1) has no table.pack
  local unpack_ = table.unpack or unpack

  local function resume()
    local ok, err = coroutine.resume(co)
    if not ok then T.out('FAIL - error: ' .. tostring(err)); T.failed = T.failed + 1; T.finish() end
  end

  -- yields to the event loop until cond() is true (or the time is up: nil); returns what cond() did
  function T.wait(cond, timeout_ms)
    local deadline = vim.loop.hrtime() + (timeout_ms or 5000) * 1e6
    while true do
      local v = pack(cond())
      if v[1] then return unpack_(v, 1, v.n) end
      if vim.loop.hrtime() > deadline then return nil end
      vim.defer_fn(resume, 15)
      coroutine.yield()
    end
  end

  function T.client_of(buf)
    local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
    for _, c in pairs(clients) do
      if c.name == 'paperlink' then return c end
    end
  end

  -- the text and window of the first floating window (a hover), or nothing
  function T.float_text()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then
        return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), '\n'), w
      end
    end
  end

  function T.close_floats()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then vim.api.nvim_win_close(w, true) end
    end
  end

  -- appends after the cursor with <C-x><C-o> (omnifunc = vim.lsp.omnifunc); the menu's items ({} if
  -- none came within 10 s) and how long they took, in ms
  function T.omni_menu()
    local t0 = vim.loop.hrtime()
    vim.api.nvim_feedkeys(T.keys('a<C-x><C-o>'), 'n', false)
    local menu = T.wait(function()
      local info = vim.fn.complete_info({ 'items' })
      return vim.fn.mode() == 'i' and #info.items > 0 and info.items
    end, 10000) or {}
    return menu, T.ms(t0)
  end

  -- waits (20 s at most) for the PaperLink client of buf to be initialized: the client and the ms
  -- it took, or nil and the ms when the server did not come up (or exited: _G.paperlink_test_exit)
  function T.attached(buf)
    local t0 = vim.loop.hrtime()
    local client = T.wait(function()
      local c = T.client_of(buf)
      return (c and c.initialized and c) or (_G.paperlink_test_exit ~= nil and 'exited')
    end, 20000)
    if client == 'exited' then client = nil end
    return client, T.ms(t0)
  end

  -- runs the steps; an error in them is a failed check, and the end
  function T.run(steps)
    co = coroutine.create(steps)
    resume()
  end

  return T
end
