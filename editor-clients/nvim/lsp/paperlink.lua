-- Neovim 0.11+ native configuration: with this plugin on the runtimepath,
--   vim.lsp.config('paperlink', { init_options = { paperlink = { corpus = { '~/Zotero/library.bib' } } } })
--   vim.lsp.enable('paperlink')
-- (an alternative to require('paperlink').setup{}; use one or the other, not both).
local paperlink = require('paperlink')
local settings = vim.empty_dict()
return {
  cmd = paperlink.command({}) or { 'paperlink', 'serve' },
  filetypes = paperlink.defaults.filetypes,
  root_markers = paperlink.defaults.root_markers,
  init_options = { paperlink = settings },
  settings = { paperlink = settings },
  get_language_id = paperlink.language_id,
}
