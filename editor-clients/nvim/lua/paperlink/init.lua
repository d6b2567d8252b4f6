-- PaperLink for Neovim (0.7 and newer): starts `paperlink serve` for LaTeX, Markdown, Quarto,
-- R Markdown and BibTeX buffers, one server per project root.
--
--   require('paperlink').setup {
--     corpus = { '~/Zotero/library.bib' },   -- any `paperlink` setting: corpus, indexDir, insertionStyle,
--     hover = { abstractMaxChars = 400 },    --   latexCommand, titleCompletion, hover, completion
--     cmd = nil,     -- the launcher (string) or the whole command (list); default: this checkout's bin/paperlink
--     java = nil,    -- a java executable or JDK home (21+) for the launcher (sets PAPERLINK_JAVA)
--   }
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
  filetypes = { 'tex', 'plaintex', 'latex', 'markdown', 'quarto', 'rmd', 'bib' },
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
  local this = vim.fn.fnamemodify(source:sub(2), ':p')
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

-- Neovim filetypes -> the languageIds the server knows (latex, markdown, quarto, rmd, bibtex).
local language_ids = { tex = 'latex', plaintex = 'latex', latex = 'latex', bib = 'bibtex', rmd = 'rmd', quarto = 'quarto', markdown = 'markdown' }
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
