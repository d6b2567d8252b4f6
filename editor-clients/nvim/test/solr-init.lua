-- User config of the team-corpus test (solr.sh): the plugin from this checkout with the team's shared
-- corpus on SolrCloud as its only corpus (the `corpus` setting as an object, docs/team-corpus.md
-- section 4): no corpus paths, and PAPERLINK_INDEX_DIR an empty folder, so the demo papers can only
-- come from the cluster. env: PAPERLINK_NVIM_PLUGIN, PAPERLINK_TEST_SOLR (a node address),
-- PAPERLINK_TEST_COLLECTION
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.opt.showmode = false
vim.opt.shortmess:append('c')
vim.opt.runtimepath:prepend(os.getenv('PAPERLINK_NVIM_PLUGIN'))
vim.g.tex_flavor = 'latex'
require('paperlink').setup {
  corpus = { solr = { urls = { os.getenv('PAPERLINK_TEST_SOLR') }, collection = os.getenv('PAPERLINK_TEST_COLLECTION') } },
  hover = { abstractMaxChars = 400 },
  on_exit = function(code) _G.paperlink_test_exit = code end,
  on_attach = function(client, bufnr)
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end,
}
