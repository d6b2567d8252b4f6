-- :checkhealth paperlink: what `paperlink doctor --json` finds (Java, launcher and jar, the index, its
-- sources, the last indexing error, a server started and timed to its initialize answer), and the
-- corpus paths of setup{}. Works with vim.health (0.10: start/ok/warn/error/info), its report_* names
-- (0.8, 0.9) and the health#report_* functions of 0.7.
local M = {}

local h = vim.health or {}
local function pick(new, old, vimfn)
  return h[new] or h[old] or function(msg, advice)
    if advice ~= nil then return vim.fn['health#' .. vimfn](msg, advice) end
    return vim.fn['health#' .. vimfn](msg)
  end
end
local start = pick('start', 'report_start', 'report_start')
local ok = pick('ok', 'report_ok', 'report_ok')
local warn = pick('warn', 'report_warn', 'report_warn')
local err = pick('error', 'report_error', 'report_error')
local info = pick('info', 'report_info', 'report_info')

--- The doctor command: the launcher of the server command, `doctor --json`, the setup{} indexDir.
local function doctor_command(paperlink)
  local cmd = paperlink.command()
  if not cmd then return nil end
  local argv = {}
  local env = paperlink.command_env and paperlink.command_env() or nil
  if env then
    table.insert(argv, 'env')
    for k, v in pairs(env) do table.insert(argv, k .. '=' .. v) end
  end
  -- the server command up to its 'serve' (the launcher, or java -jar ...), then doctor
  for _, word in ipairs(cmd) do
    if word == 'serve' then break end
    table.insert(argv, word)
  end
  table.insert(argv, 'doctor')
  table.insert(argv, '--json')
  local dir = paperlink.settings and paperlink.settings.indexDir
  if type(dir) == 'string' and dir ~= '' then
    table.insert(argv, '--index-dir')
    table.insert(argv, vim.fn.expand(dir))
  end
  -- the Zotero database the setting zotero reads: doctor checks the one of the setting
  local zotero = M.zotero_directory(paperlink.settings and paperlink.settings.zotero)
  if zotero then table.insert(argv, '--zotero=' .. zotero) end
  return argv
end

--- The data directory the `zotero` setting names (true, "path" or { enabled, dataDirectory, ... }):
--- the path (expanded), '' for Zotero's own, nil when the setting is off.
function M.zotero_directory(z)
  if z == true then return '' end
  if type(z) == 'string' and z ~= '' and z ~= 'false' and z ~= 'off' then
    return (z == 'true' or z == 'on') and '' or vim.fn.expand(z)
  end
  if type(z) == 'table' and z.enabled ~= false then
    return type(z.dataDirectory) == 'string' and z.dataDirectory ~= '' and vim.fn.expand(z.dataDirectory) or ''
  end
  return nil
end

function M.check()
  local paperlink = require('paperlink')
  start('PaperLink')
  local argv = doctor_command(paperlink)
  if not argv then
    err('cannot find the PaperLink launcher', { 'set cmd = "/path/to/paperlink/bin/paperlink" in setup{}' })
    return
  end
  ok('launcher: ' .. table.concat(paperlink.command(), ' '))
  local output = vim.fn.system(argv)
  local decoded = pcall(vim.fn.json_decode, output) and vim.fn.json_decode(output) or nil
  if type(decoded) ~= 'table' or type(decoded.checks) ~= 'table' then
    err('`paperlink doctor --json` failed (exit ' .. vim.v.shell_error .. ')', { (output or ''):sub(1, 500) })
  else
    for _, c in ipairs(decoded.checks) do
      local line = c.name .. ': ' .. c.detail
      if c.level == 'ok' then ok(line) elseif c.level == 'warn' then warn(line) else err(line) end
    end
    if decoded.indexDir and not (paperlink.settings and paperlink.settings.indexDir) then
      info("the index above is the command line's; without indexDir the server keeps one per project")
    end
  end

  start('PaperLink corpus (setup{ corpus = ... })')
  local corpus = paperlink.settings and paperlink.settings.corpus or {}
  if type(corpus) == 'string' then corpus = { corpus } end
  if type(corpus) == 'table' and (corpus.paths ~= nil or corpus.solr ~= nil) then -- the object form
    local solr = corpus.solr
    if type(solr) == 'table' then
      local urls = type(solr.urls) == 'table' and solr.urls or { solr.urls }
      if #urls > 0 then
        ok('team corpus on Solr: ' .. table.concat(urls, ', ') .. ' (collection ' .. (solr.collection or 'papers')
          .. '; `paperlink doctor --solr ' .. table.concat(urls, ',') .. '` says whether it answers)')
      else
        warn('corpus.solr has no urls')
      end
    end
    corpus = type(corpus.paths) == 'string' and { corpus.paths } or (corpus.paths or {})
  end
  if #corpus == 0 then
    info("no corpus paths: the server knows the workspace's bibliographies and the files notes name")
  end
  for _, p in ipairs(corpus) do
    if vim.fn.glob(vim.fn.expand(p)) ~= '' then ok(p .. ' exists') else warn(p .. ' does not exist') end
  end
  local clients = paperlink.clients()
  if #clients > 0 then ok(#clients .. ' PaperLink server(s) running') else info('no PaperLink server running now') end
  info('log: ' .. vim.lsp.get_log_path() .. ' (:PaperLinkLog)')
end

return M
