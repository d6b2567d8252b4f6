-- PaperLink for Neovim (0.7 and newer): starts `paperlink serve` for LaTeX, Markdown, Quarto,
-- R Markdown, Typst, Org and BibTeX buffers, one server per project root.
--
--   require('paperlink').setup {
--     corpus = { '~/Zotero/library.bib' },   -- any `paperlink` setting: corpus, indexDir, insertionStyle,
--     hover = { abstractMaxChars = 400 },    --   latexCommand, titleCompletion, hover, completion, zotero
--     zotero = true,  -- Zotero's database, read directly and followed live: true (Zotero's own data
--                     -- directory), '~/Zotero' (a data directory or its zotero.sqlite), or
--                     -- { enabled = true, dataDirectory = '~/Zotero', libraries = {...}, collections = {...} }
--     cmd = nil,     -- the launcher (string) or the whole command (list); default: this checkout's bin/paperlink
--     java = nil,    -- a java executable or JDK home (21+) for the launcher (sets PAPERLINK_JAVA)
--   }
--
-- :checkhealth paperlink (lua/paperlink/health.lua: `paperlink doctor` and the configured corpus paths);
-- :PaperLinkLog opens the LSP log, where the server's stderr goes.
-- :PaperLinkRelated (require('paperlink').related()) offers the papers related to the visual selection
-- or the sentence at the cursor (vim.ui.select) and cites the chosen one before the sentence's full stop.
--
-- Neovim 0.8+ uses vim.lsp.start; 0.7 uses vim.lsp.start_client + vim.lsp.buf_attach_client.
-- The settings go to the server as initializationOptions = { paperlink = {...} } and answer its
-- workspace/configuration requests (through the client's `settings`).
local M = {}

M.name = 'paperlink'

-- Keys of setup{} that configure the plugin; every other key is a `paperlink` server setting.
local plugin_keys = {
  cmd = true, java = true, jar = true, cmd_env = true, filetypes = true, root_markers = true,
  on_attach = true, on_init = true, on_exit = true, capabilities = true, handlers = true, autostart = true,
  settings = true,
}

M.defaults = {
  filetypes = { 'tex', 'plaintex', 'latex', 'markdown', 'quarto', 'rmd', 'bib', 'typst', 'org' },
  root_markers = { '.git', '.hg', '.paperlink', 'latexmkrc', '.latexmkrc', '_quarto.yml' },
  autostart = true,
}

M.options = vim.deepcopy(M.defaults)
M.settings = {}          -- the `paperlink` section sent to the server
local clients_by_root = {} -- Neovim 0.7: root_dir -> client id

local function notify(msg, level)
  vim.schedule(function() vim.notify('paperlink: ' .. msg, level or vim.log.levels.INFO) end)
end

-- The launcher shipped beside this plugin: <checkout>/editor-clients/nvim/lua/paperlink/init.lua -> <checkout>/bin/paperlink
local function bundled_launcher()
  local source = debug.getinfo(1, 'S').source
  if source:sub(1, 1) ~= '@' then return nil end
  -- the plugin is usually a symbolic link into a package directory (pack/*/start/paperlink -> the
  -- checkout's editor-clients/nvim): walk up from where the file really is
  local this = vim.fn.fnamemodify(source:sub(2), ':p')
  this = vim.loop.fs_realpath(this) or vim.fn.resolve(this)
  local checkout = vim.fn.fnamemodify(this, ':h:h:h:h:h')
  local launcher = checkout .. '/bin/paperlink'
  if vim.fn.executable(launcher) == 1 then return launcher end
  return nil
end

--- The command that starts the server.
function M.command(opts)
  opts = opts or M.options
  if type(opts.cmd) == 'table' then return opts.cmd end
  if type(opts.cmd) == 'string' then return { vim.fn.expand(opts.cmd), 'serve' } end
  local launcher = bundled_launcher() or (vim.fn.executable('paperlink') == 1 and vim.fn.exepath('paperlink')) or nil
  if not launcher then return nil end
  return { launcher, 'serve' }
end

local function command_env(opts)
  local env = vim.tbl_extend('force', {}, opts.cmd_env or {})
  if opts.java then env.PAPERLINK_JAVA = vim.fn.expand(opts.java) end
  if opts.jar then env.PAPERLINK_JAR = vim.fn.expand(opts.jar) end
  if vim.tbl_isempty(env) then return nil end
  return env
end

--- The project root of a file: the nearest folder upwards holding a root marker, else the file's folder.
function M.root_dir(path, markers)
  markers = markers or M.options.root_markers
  local start = vim.fn.fnamemodify(path, ':p:h')
  local dir = start
  while dir and dir ~= '' do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then break end
    dir = parent
  end
  return start
end

-- Neovim filetypes -> the languageIds the server knows (latex, markdown, quarto, rmd, bibtex, typst, org).
local language_ids = { tex = 'latex', plaintex = 'latex', latex = 'latex', bib = 'bibtex', rmd = 'rmd', quarto = 'quarto', markdown = 'markdown',
  typst = 'typst', org = 'org' }
function M.language_id(_, filetype)
  return language_ids[filetype] or filetype
end

--- The client configuration for a buffer (what vim.lsp.start / start_client receive).
function M.client_config(bufnr)
  local opts = M.options
  local cmd = M.command(opts)
  if not cmd then return nil end
  local path = vim.api.nvim_buf_get_name(bufnr)
  local root = M.root_dir(path, opts.root_markers)
  local settings = vim.deepcopy(M.settings)
  if vim.tbl_isempty(settings) then settings = vim.empty_dict() end -- {} not [] on the wire
  return {
    name = M.name,
    cmd = cmd,
    cmd_env = command_env(opts),
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = { paperlink = settings },
    settings = { paperlink = settings }, -- answers workspace/configuration {section = "paperlink"}
    get_language_id = M.language_id,
    capabilities = opts.capabilities,
    handlers = opts.handlers,
    on_attach = opts.on_attach,
    on_init = opts.on_init,
    on_exit = opts.on_exit,
  }
end

-- Client methods are closures up to Neovim 0.10 (client.notify(...)) and methods from 0.11 (client:notify(...)).
local methods = vim.fn.has('nvim-0.11') == 1
function M.call(client, name, ...)
  if methods then return client[name](client, ...) end
  return client[name](...)
end

local function alive(id)
  local client = id and vim.lsp.get_client_by_id(id)
  return client and not M.call(client, 'is_stopped')
end

--- Starts (or reuses) the server for a buffer and attaches it. Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' or vim.api.nvim_buf_get_name(bufnr) == '' then return nil end
  local config = M.client_config(bufnr)
  if not config then
    if not M._warned then
      M._warned = true
      notify('cannot find the PaperLink launcher: set cmd = "/path/to/paperlink/bin/paperlink" in setup{}', vim.log.levels.ERROR)
    end
    return nil
  end
  if vim.lsp.start then -- Neovim 0.8+: reuses a client with the same name and root_dir
    local id
    vim.api.nvim_buf_call(bufnr, function() id = vim.lsp.start(config, { bufnr = bufnr }) end)
    return id
  end
  local id = clients_by_root[config.root_dir]
  if not alive(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[config.root_dir] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

--- The running PaperLink clients.
function M.clients()
  local out = {}
  local all = vim.lsp.get_clients and vim.lsp.get_clients({ name = M.name }) or vim.lsp.get_active_clients()
  for _, client in pairs(all) do
    if client.name == M.name then table.insert(out, client) end
  end
  return out
end

--- Changes settings of the running servers (workspace/didChangeConfiguration) and of servers started later.
function M.update_settings(settings)
  M.settings = vim.tbl_deep_extend('force', M.settings, settings or {})
  for _, client in ipairs(M.clients()) do
    client.config.settings = { paperlink = vim.deepcopy(M.settings) }
    M.call(client, 'notify', 'workspace/didChangeConfiguration', { settings = { paperlink = M.settings } })
  end
end

-- ---------------------------------------------------------------------------------------------
-- Related papers: :PaperLinkRelated / require('paperlink').related()

--- The PaperLink client attached to a buffer, if any.
function M.client_for(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  for _, client in ipairs(M.clients()) do
    if vim.lsp.buf_is_attached(bufnr, client.id) then return client end
  end
end

local function buf_line(bufnr, row) -- 1-based row
  return vim.api.nvim_buf_get_lines(bufnr, row - 1, row, false)[1] or ''
end

--- A selection's end moved back over trailing blanks and its closing full stop (or ? !), so that the
--- server takes the sentence the selection ends in: from just after a full stop it would read on to
--- the next sentence. Positions are { row (1-based), col (0-based byte) }, the end exclusive.
function M._trim_end(bufnr, s, e)
  local row, col = e[1], e[2]
  local function before() -- the byte before (row, col), crossing line ends as a blank
    if col > 0 then return buf_line(bufnr, row):sub(col, col) end
    return row > s[1] and '\n' or nil
  end
  local function back()
    if col > 0 then col = col - 1 else row = row - 1; col = #buf_line(bufnr, row) end
  end
  local function past_start() return row < s[1] or (row == s[1] and col <= s[2]) end
  while not past_start() and (before() or ''):match('^%s$') do back() end
  while not past_start() and (before() or ''):match('^[.?!]$') do back() end
  if past_start() then return { s[1], s[2] } end
  return { row, col }
end

--- The range of a :PaperLinkRelated call: the visual selection when the command came from it
--- (characterwise: its characters; linewise or blockwise: its whole lines), the lines of another
--- range, or nil (no range: the sentence at the cursor).
function M._command_range(cmd, bufnr)
  if not cmd or (cmd.range or 0) == 0 then return nil end
  local s = vim.api.nvim_buf_get_mark(bufnr, '<')
  local e = vim.api.nvim_buf_get_mark(bufnr, '>')
  if s[1] == cmd.line1 and e[1] == cmd.line2 and vim.fn.visualmode() == 'v' then
    local last = buf_line(bufnr, e[1])
    local ecol = math.min(e[2], math.max(#last - 1, 0))
    if vim.o.selection ~= 'exclusive' then -- '> is on the last character: take all its bytes
      ecol = ecol + #vim.fn.strpart(last, ecol, 1, true)
    end
    return { { s[1], s[2] }, { e[1], ecol } }
  end
  return { { cmd.line1, 0 }, { cmd.line2, #buf_line(bufnr, cmd.line2) } }
end

local function lsp_position(bufnr, pos, encoding)
  return { line = pos[1] - 1, character = vim.lsp.util.character_offset(bufnr, pos[1] - 1, pos[2], encoding) }
end

local function authors_text(authors)
  authors = authors or {}
  if #authors > 3 then return table.concat({ authors[1], authors[2], authors[3] }, ', ') .. ' et al.' end
  return table.concat(authors, ', ')
end

--- How :PaperLinkRelated shows a paper in vim.ui.select: "title — authors · year (why)".
function M.format_related(item)
  local by = authors_text(item.authors)
  local year = item.year ~= nil and item.year ~= vim.NIL and tostring(item.year) or ''
  local meta = table.concat(vim.tbl_filter(function(x) return x ~= '' end, { by, year }), ' · ')
  return item.title .. (meta ~= '' and (' — ' .. meta) or '') .. ((item.why and item.why ~= '') and ('  (' .. item.why .. ')') or '')
end

-- Inserts a paper's citation where the server's "Cite …" code action for the same range puts it
-- (before the sentence's full stop, with "~" or a space before it): the action citing that paper
-- when it is one of the five the server offers, else the place and spacing of those actions; with
-- no action at all, at the end of the range.
local function insert_related(client, bufnr, params, chosen, all)
  local function finish(edit)
    vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding or 'utf-16')
    notify('cited ' .. chosen.key)
  end
  local ca = {
    textDocument = params.textDocument, range = params.range,
    context = { diagnostics = {}, only = { 'refactor.rewrite' } },
  }
  M.call(client, 'request', 'textDocument/codeAction', ca, function(err, actions)
    local uri = params.textDocument.uri
    if err then notify('code actions failed: ' .. tostring(err.message or err), vim.log.levels.WARN) end
    local place, prefix
    for _, action in ipairs((not err and actions) or {}) do
      local edits = action.edit and action.edit.changes and action.edit.changes[uri]
      local edit = edits and #edits == 1 and edits[1]
      if edit and edit.newText:sub(-#chosen.citation) == chosen.citation then
        return finish(action.edit)
      end
      for _, other in ipairs(all) do -- what this action inserts besides its paper's citation
        if edit and not place and edit.newText:sub(-#other.citation) == other.citation then
          place, prefix = edit.range.start, edit.newText:sub(1, #edit.newText - #other.citation)
        end
      end
    end
    place = place or params.range['end']
    finish({ changes = { [uri] = { { range = { start = place, ['end'] = place }, newText = (prefix or '') .. chosen.citation } } } })
  end, bufnr)
end

--- Asks the server for the papers related to a range of the buffer (paperlink/relatedPapers), lets
--- the user pick one with vim.ui.select and inserts its citation as the server's code action would.
---   opts.range: { {row, col}, {row, col} } (1-based rows, 0-based byte columns, end exclusive);
---               nil: the sentence at the cursor
---   opts.limit: how many papers (the server's default: 10)
function M.related(opts)
  opts = opts or {}
  local bufnr = (opts.bufnr == nil or opts.bufnr == 0) and vim.api.nvim_get_current_buf() or opts.bufnr
  local client = M.client_for(bufnr)
  if not client then
    notify('no PaperLink server for this buffer', vim.log.levels.WARN)
    return
  end
  local encoding = client.offset_encoding or 'utf-16'
  local s, e
  if opts.range then
    s, e = opts.range[1], M._trim_end(bufnr, opts.range[1], opts.range[2])
  else
    local cursor = vim.api.nvim_win_get_cursor(0)
    s, e = cursor, cursor
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = lsp_position(bufnr, s, encoding), ['end'] = lsp_position(bufnr, e, encoding) },
    limit = opts.limit,
  }
  M.call(client, 'request', 'paperlink/relatedPapers', params, function(err, items)
    if err then
      notify('paperlink/relatedPapers failed: ' .. tostring(err.message or err), vim.log.levels.ERROR)
      return
    end
    local seen, papers = {}, {} -- a paper both in the document's bibliography and in the corpus may come twice
    for _, item in ipairs(items or {}) do
      if not seen[item.key] then seen[item.key] = true; table.insert(papers, item) end
    end
    items = papers
    if #items == 0 then
      notify('no related papers for this passage (is a corpus configured?)')
      return
    end
    vim.ui.select(items, { prompt = 'Cite a related paper:', kind = 'paperlink.related', format_item = M.format_related },
      function(chosen)
        if chosen then insert_related(client, bufnr, params, chosen, items) end
      end)
  end, bufnr)
end

--- A completion item accepted in a buffer: its command is run (a paper of the corpus brought into the
--- document's bibliography, paperlink.addToBibliography). Neovim's omnifunc does not run the commands
--- of completion items; a completion plugin that does (nvim-cmp) makes this a second run, which the
--- server answers with "has it already" and nothing more.
function M._completed(bufnr, completed)
  local ud = completed and completed.user_data
  local item = type(ud) == 'table' and type(ud.nvim) == 'table' and ud.nvim.lsp and ud.nvim.lsp.completion_item
  local command = type(item) == 'table' and item.command
  if type(command) ~= 'table' or command.command ~= 'paperlink.addToBibliography' then return end
  local client = M.client_for(bufnr)
  if not client then return end
  M.call(client, 'request', 'workspace/executeCommand', { command = command.command, arguments = command.arguments },
    function(err, result)
      if err then
        notify('adding to the bibliography failed: ' .. tostring(err.message or err), vim.log.levels.ERROR)
      elseif type(result) == 'table' and result.message then
        notify(result.message)
      end
    end, bufnr)
end

--- The LSP log (the server's stderr lines and messages land there), opened in a split.
function M.open_log()
  local path = vim.lsp.get_log_path()
  vim.cmd('split ' .. vim.fn.fnameescape(path))
  vim.bo.readonly = true
  vim.cmd('normal! G')
  return path
end

--- The environment the launcher gets (PAPERLINK_JAVA, PAPERLINK_JAR, cmd_env), for the health check.
function M.command_env() return command_env(M.options) end

function M.setup(opts)
  opts = opts or {}
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), {})
  local settings = vim.deepcopy(opts.settings or {})
  for k, v in pairs(opts) do
    if plugin_keys[k] then
      if k ~= 'settings' then M.options[k] = v end
    else
      settings[k] = v
    end
  end
  if type(settings.corpus) == 'string' then settings.corpus = { settings.corpus } end
  M.settings = settings

  local group = vim.api.nvim_create_augroup('paperlink', { clear = true })
  vim.api.nvim_create_user_command('PaperLinkLog', function() M.open_log() end,
    { force = true, desc = "PaperLink: open the LSP log (the server's messages and stderr)" })
  vim.api.nvim_create_user_command('PaperLinkRelated', function(cmd)
    M.related({ range = M._command_range(cmd, vim.api.nvim_get_current_buf()) })
  end, { range = true, force = true, desc = 'PaperLink: cite a paper related to the selection or the sentence at the cursor' })
  vim.api.nvim_create_autocmd('CompleteDone', {
    group = group,
    callback = function(args) M._completed(args.buf, vim.v.completed_item) end,
    desc = 'PaperLink: run the command of an accepted completion item',
  })
  -- Typst and Org files: Neovim before 0.10 has no typst filetype (.typ was SQL), nor always an org one
  vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, {
    group = group,
    pattern = { '*.typ', '*.org' },
    callback = function(args)
      local want = args.file:match('%.typ$') and 'typst' or 'org'
      if vim.bo[args.buf].filetype == '' or (want == 'typst' and vim.bo[args.buf].filetype == 'sql') then
        vim.bo[args.buf].filetype = want
      end
    end,
    desc = 'PaperLink: the typst and org filetypes',
  })
  if M.options.autostart == false then return M end
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args) M.attach(args.buf) end,
    desc = 'PaperLink: start the language server',
  })
  -- buffers already open when setup{} runs
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.options.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
  return M
end

return M
