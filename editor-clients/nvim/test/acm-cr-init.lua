-- User config of the ACM-CR test (acm-cr.sh): the plugin from this checkout, with the ACM-CR collection
-- as the corpus and the fixture's prebuilt index as indexDir (so the server finds it up to date).
-- env: PAPERLINK_NVIM_PLUGIN, ACM_CR_CORPUS (acm-dl/), ACM_CR_INDEX (from editor-clients/acm-cr-fixture.sh)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.opt.showmode = false
vim.opt.shortmess:append('c')
vim.opt.runtimepath:prepend(os.getenv('PAPERLINK_NVIM_PLUGIN'))
vim.g.tex_flavor = 'latex'
require('paperlink').setup {
  indexDir = os.getenv('ACM_CR_INDEX'),
  corpus = { os.getenv('ACM_CR_CORPUS') },
  related = { embeddings = false }, -- as PAPERLINK_EMBEDDINGS=off: words only
  on_exit = function(code) _G.paperlink_test_exit = code end,
  handlers = { -- the end of the server's first indexing run: what it says it read
    ['$/progress'] = function(err, result, ctx, config)
      if result and result.value and result.value.kind == 'end' then _G.paperlink_test_indexed = result.value.message or '' end
      return vim.lsp.handlers['$/progress'](err, result, ctx, config)
    end,
  },
  on_attach = function(client, bufnr)
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end,
}
