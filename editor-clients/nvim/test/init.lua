-- Minimal user config for the headless test: the plugin from this checkout (a start package), set up as a user would.
-- env: PAPERLINK_TEST_DIR (the temp dir run.sh made), PAPERLINK_NVIM_PLUGIN (editor-clients/nvim),
-- PAPERLINK_DEMO_CORPUS (the checkout's demo/ folder: the corpus the related-papers checks need)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.opt.showmode = false
vim.opt.shortmess:append('c')
-- the plugin is not put on the runtime path here: run.sh links it into $XDG_DATA_HOME/nvim/site/pack/paperlink/start,
-- as docs/editors.md tells users to, and the launcher is found through that link
vim.g.tex_flavor = 'latex'
require('paperlink').setup {
  indexDir = os.getenv('PAPERLINK_TEST_DIR') .. '/index', -- an isolated index per run
  corpus = { os.getenv('PAPERLINK_DEMO_CORPUS') },
  hover = { abstractMaxChars = 400 },
  on_exit = function(code) _G.paperlink_test_exit = code end, -- lets the test fail fast
  handlers = { -- the end of an indexing run (the related-papers checks wait for the corpus)
    ['$/progress'] = function(err, result, ctx, config)
      if result and result.value and result.value.kind == 'end' then _G.paperlink_test_indexed = result.value.message or '' end
      return vim.lsp.handlers['$/progress'](err, result, ctx, config)
    end,
  },
  on_attach = function(client, bufnr)
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end,
}
