-- Minimal user config for the headless test: the plugin from this checkout, set up as a user would.
-- env: PAPERLINK_TEST_DIR (the temp dir run.sh made), PAPERLINK_NVIM_PLUGIN (editor-clients/nvim)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.opt.showmode = false
vim.opt.shortmess:append('c')
vim.opt.runtimepath:prepend(os.getenv('PAPERLINK_NVIM_PLUGIN'))
vim.g.tex_flavor = 'latex'
require('paperlink').setup {
  indexDir = os.getenv('PAPERLINK_TEST_DIR') .. '/index', -- an isolated index per run
  hover = { abstractMaxChars = 400 },
  on_exit = function(code) _G.paperlink_test_exit = code end, -- lets the test fail fast
  on_attach = function(client, bufnr)
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end,
}
