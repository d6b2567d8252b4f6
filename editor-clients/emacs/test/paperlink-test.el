;;; paperlink-test.el --- batch test of paperlink.el with eglot and the real server  -*- lexical-binding: t -*-

;; Run by run.sh from a copy of workspace/: emacs --batch -q -L editor-clients/emacs -l paperlink-test.el
;; Drives Emacs as a user would: M-x eglot (through the registration of paperlink.el),
;; completion-at-point, eldoc's hover backend, and xref-find-definitions (M-.), on a LaTeX
;; and a Markdown note.  Prints "N passed, N failed" and exits non-zero on failure.

;;; Code:

(require 'eglot)
(require 'xref)
(defvar pl-markdown-mode
  (if (and (not (getenv "PAPERLINK_TEST_NO_MARKDOWN_MODE")) (require 'markdown-mode nil t))
      (locate-library "markdown-mode")
    ;; Emacs 28 has no Markdown mode (Debian's elpa-markdown-mode brings one): a stand-in.
    (define-derived-mode markdown-mode text-mode "Markdown")
    "a text-mode stand-in"))
(add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
(require 'paperlink)

(setq paperlink-index-dir (expand-file-name "index" (getenv "PAPERLINK_TEST_DIR"))
      paperlink-corpus (list (getenv "PAPERLINK_DEMO_CORPUS"))   ; demo/: the related-papers checks need it
      paperlink-settings '(:hover (:abstractMaxChars 400))
      eglot-sync-connect t          ; M-x eglot returns once the server answered initialize
      eglot-connect-timeout 30)

(defvar pl-passed 0)
(defvar pl-failed 0)
(defvar pl-start (float-time))
(defun pl-out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun pl-ms (t0) (* 1000 (- (float-time) t0)))
(defun pl-check (ok name &optional detail)
  (if ok (setq pl-passed (1+ pl-passed)) (setq pl-failed (1+ pl-failed)))
  (pl-out "%s - %s%s" (if ok "ok" "FAIL") name (if detail (format "  [%s]" detail) "")))
(defun pl-oneline (s) (replace-regexp-in-string "[ \t\n]+" " " (or s "")))
(defun pl-goto (text &optional offset)
  "Put point OFFSET chars after the start of the first TEXT in the buffer."
  (goto-char (point-min))
  (search-forward text)
  (goto-char (+ (match-beginning 0) (or offset 0))))
(defun pl-bib-line (text)
  "Line number and column of TEXT in refs.bib."
  (with-temp-buffer
    (insert-file-contents "refs.bib")
    (search-forward text)
    (goto-char (match-beginning 0))
    (cons (line-number-at-pos) (current-column))))
(defmacro pl-step (name &rest body)
  "Run BODY; an error counts as a failure of NAME."
  `(condition-case err (progn ,@body)
     (error (pl-check nil ,name (format "error: %S" err)))))

(defun pl-lsp-ready ()
  (cl-some (lambda (w) (and (eq (lsp--client-server-id (lsp--workspace-client w)) 'paperlink)
                            (eq (lsp--workspace-status w) 'initialized)))
           (and (fboundp 'lsp-workspaces) (lsp-workspaces))))

(defun pl-document (client file label expected-insert)
  (find-file (expand-file-name file))
  (switch-to-buffer (current-buffer))   ; eglot's hover callback only fires for a buffer shown in a window
  (let ((note (current-buffer)) (t0 (float-time)))
    (if (eq client 'eglot)
        ;; M-x eglot: the server and class come from paperlink.el's entry in `eglot-server-programs'
        (pl-step (concat label ": eglot connects")
          (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
          (let ((server (eglot-current-server)))
            (pl-check (and server (eglot-managed-p) (object-of-class-p server 'paperlink-eglot-server))
                      (format "%s: buffer managed by the PaperLink server (%s)" label major-mode)
                      (format "%.0f ms, server %s" (pl-ms t0)
                              (and server (plist-get (eglot--server-info server) :name))))))
      ;; M-x lsp: the client paperlink.el registered with lsp-mode
      (pl-step (concat label ": lsp-mode connects")
        (unless (pl-lsp-ready) (lsp))
        (with-timeout (20 nil)   ; until initialized, or the server is gone
          (while (and (not (pl-lsp-ready)) (lsp-workspaces)) (accept-process-output nil 0.02)))
        (pl-check (pl-lsp-ready) (format "%s: lsp-mode started the paperlink client (%s)" label major-mode)
                  (format "%.0f ms, workspaces %s" (pl-ms t0) (mapcar #'lsp--workspace-print (lsp-workspaces))))))
    (when (if (eq client 'eglot) (eglot-managed-p) (pl-lsp-ready))
      (when (equal file "note.tex")   ; the settings reached the server: its index is where indexDir says
        (with-timeout (10 nil) (while (not (file-directory-p paperlink-index-dir)) (accept-process-output nil 0.05)))
        (pl-check (file-directory-p paperlink-index-dir) (concat label ": the server keeps its index in the indexDir setting")
                  (abbreviate-file-name paperlink-index-dir)))
      ;; completion: eglot's completion-at-point function after "vasw", then the command itself
      (pl-step (concat label ": completion")
        (pl-goto "vasw" 4)
        (let* ((t0 (float-time))
               (capf (if (eq client 'eglot) (eglot-completion-at-point) (lsp-completion-at-point)))
               (cands (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)) (nth 2 capf))))
          (pl-check (equal (car cands) "vaswani2017attention")
                    (concat label ": completion after \"vasw\" offers vaswani2017attention")
                    (format "%.0f ms: %s" (pl-ms t0) (mapconcat #'substring-no-properties cands ", "))))
        (pl-goto "vasw" 4)
        (completion-at-point)
        (let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
          (pl-check (string-search expected-insert line)
                    (concat label ": completion-at-point inserts the key") line)))

      ;; hover: eglot's eldoc backend (asynchronous, answers through a callback)
      (pl-step (concat label ": hover")
        (pl-goto "he2016deep" 2)
        (let ((t0 (float-time)) (doc nil) (tries 0))
          ;; asked again (up to 20 s) while the index is still reading a corpus file with the same key
          (while (and (< tries 40)
                      (not (and doc (string-search "Deeper neural networks" (substring-no-properties doc)))))
            (setq doc nil tries (1+ tries))
            (when (> tries 1) (sleep-for 0.5))
            (if (eq client 'eglot)
                (progn
                  (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc (or info ""))))
                  (with-timeout (10 nil)
                    (while (not doc) (accept-process-output nil 0.01))))
              (let ((hover (lsp-request "textDocument/hover" (lsp--text-document-position-params))))
                (setq doc (or (and hover (gethash "value" (gethash "contents" hover))) "")))))
          (let ((text (pl-oneline (and doc (substring-no-properties doc)))))
            (pl-check (and (string-search "Deep Residual Learning for Image Recognition" text)
                           (string-search "Deeper neural networks are more difficult to train" text))
                      (concat label (if (eq client 'eglot) ": hover (eldoc)" ": hover (lsp-request)") " shows the title and the abstract")
                      (format "%.0f ms: %s" (pl-ms t0) (truncate-string-to-width text 150))))))

      ;; definition: M-. (xref-find-definitions) on the key jumps into refs.bib
      (pl-step (concat label ": definition")
        (pl-goto "he2016deep" 2)
        (let* ((t0 (float-time))
               (want (pl-bib-line "{he2016deep,"))
               (backend (xref-find-backend)))
          (xref-find-definitions (xref-backend-identifier-at-point backend))
          (let ((file (and buffer-file-name (file-name-nondirectory buffer-file-name)))
                (line (line-number-at-pos)) (col (current-column)))
            (pl-check (and (equal file "refs.bib") (= line (car want)))
                      (format "%s: definition (xref, backend %s) lands on refs.bib line %d" label backend (car want))
                      (format "%.0f ms: %s:%d:%d" (pl-ms t0) file line col))
            (pl-check (= col (1+ (cdr want))) (concat label ": definition point on the key")
                      (format "column %d, key at %d" col (1+ (cdr want)))))))
      (switch-to-buffer note)
      t)))

(defun pl-get (obj key)
  "KEY (a string) of a JSON object as eglot (plist) or lsp-mode (hash table) reads it."
  (if (hash-table-p obj) (gethash key obj) (plist-get obj (intern (concat ":" key)))))
(defun pl-line () (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
(defconst pl-sentence "Residual connections let very deep convolutional networks learn image recognition.")
(defconst pl-cited "recognition~\\cite{he2016deep}. Then attention")

(defun pl-related-keys (client)
  "The keys paperlink/relatedPapers answers for the sentence at point."
  (mapcar (lambda (it) (pl-get it "key"))
          (if (eq client 'eglot)
              (jsonrpc-request (eglot-current-server) :paperlink/relatedPapers
                               (list :textDocument (eglot--TextDocumentIdentifier)
                                     :range (list :start (eglot--pos-to-lsp-position) :end (eglot--pos-to-lsp-position))))
            (lsp-request "paperlink/relatedPapers" (list :textDocument (lsp--text-document-identifier)
                                                         :range (lsp--region-to-range (point) (point)))))))

(defun pl-related (client label)
  "Related papers on related.tex (the demo corpus in `paperlink-corpus'): completion in an
empty \\cite{}, the \"Cite …\" code actions at a sentence (listed, then applied through the
client's own command), and with eglot `paperlink-related' at point and on a region."
  (find-file (expand-file-name "related.tex"))
  (switch-to-buffer (current-buffer))
  (let ((saved (buffer-string)) (t0 (float-time)) (keys nil))
    (cl-flet ((restore () (erase-buffer) (insert saved)))
      (pl-step (concat label ": related.tex connects")
        (if (eq client 'eglot)
            (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
          (unless (pl-lsp-ready) (lsp))
          (with-timeout (20 nil) (while (not (pl-lsp-ready)) (accept-process-output nil 0.02))))
        (pl-check (if (eq client 'eglot) (eglot-managed-p) (pl-lsp-ready))
                  (concat label ": related.tex is managed by the PaperLink server") (format "%.0f ms" (pl-ms t0))))
      (pl-step (concat label ": the demo corpus")
        (pl-goto pl-sentence 10)
        (with-timeout (30 nil)
          (while (not (member "lecun2015deep" (setq keys (pl-related-keys client))))
            (accept-process-output nil 0.1)))
        (pl-check (member "lecun2015deep" keys)
                  (concat label ": the demo corpus is indexed (its lecun2015deep is related to the sentence)")
                  (format "%.0f ms: %s" (pl-ms t0) (string-join keys ", "))))

      ;; completion in the empty \cite{} after the sentence, in the order a completion UI shows
      (pl-step (concat label ": completion in \\cite{}")
        (pl-goto "\\cite{}" 6)
        (let* ((t0 (float-time))
               (capf (if (eq client 'eglot) (eglot-completion-at-point) (lsp-completion-at-point)))
               (table (nth 2 capf))
               (prefix (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)))
               (sort (completion-metadata-get (completion-metadata prefix table nil) 'display-sort-function))
               (cands (all-completions prefix table))
               (cands (if sort (funcall sort cands) cands))
               (annotate (plist-get (nthcdr 3 capf) :annotation-function))
               (note (or (and annotate (car cands) (funcall annotate (car cands))) "")))
          (pl-check (and (equal (car cands) "he2016deep") (string-search "related · 2016 · He" note))
                    (concat label ": completion in \\cite{} after the sentence offers he2016deep first (\"related · 2016 · He…\")")
                    (format "%.0f ms: %s |%s" (pl-ms t0) (mapconcat #'substring-no-properties (seq-take cands 6) ", ")
                            (substring-no-properties note)))))

      ;; code actions at the sentence (point inside it), then applying the he2016deep one
      (pl-step (concat label ": code actions")
        (pl-goto pl-sentence 10)
        (let* ((t0 (float-time))
               (actions (append (if (eq client 'eglot) (eglot-code-actions (point) (point) "refactor.rewrite")
                                  (lsp-code-actions-at-point "refactor.rewrite"))
                                nil))
               (he (seq-find (lambda (a) (string-prefix-p "Cite Deep Residual Learning for Image Recognition (2016"
                                                          (pl-get a "title")))
                             actions)))
          (pl-check he (concat label ": the code actions at the sentence include \"Cite Deep Residual Learning…\" (he2016deep)")
                    (format "%.0f ms: %s" (pl-ms t0) (mapconcat (lambda (a) (pl-get a "title")) actions " | ")))
          (when he
            (if (eq client 'eglot)
                ;; M-x eglot-code-actions: its menu (completing-read) answered with that title
                (cl-letf (((symbol-function 'completing-read) (lambda (&rest _) (pl-get he "title"))))
                  (let ((last-nonmenu-event ?a)) (eglot-code-actions (point) (point) "refactor.rewrite" t)))
              (lsp-execute-code-action he))
            (pl-check (string-search pl-cited (pl-line))
                      (concat label (if (eq client 'eglot) ": eglot-code-actions" ": lsp-execute-code-action")
                              " applies it: ~\\cite{he2016deep} before the sentence's full stop")
                      (pl-line))
            (restore))))

      (when (eq client 'eglot)
        ;; M-x paperlink-related at point: completing-read answered with its first (most related) paper
        (pl-step (concat label ": paperlink-related at point")
          (pl-goto pl-sentence 10)
          (let (offered note)
            (cl-letf (((symbol-function 'completing-read)
                       (lambda (_prompt table &rest _)
                         (setq offered (all-completions "" table)
                               note (funcall (plist-get completion-extra-properties :annotation-function) (car offered)))
                         (car offered))))
              (call-interactively #'paperlink-related))
            (pl-check (equal (car offered) "Deep Residual Learning for Image Recognition")
                      (concat label ": M-x paperlink-related offers Deep Residual Learning first (paperlink/relatedPapers)")
                      (string-join offered " | "))
            (pl-check (and note (string-search " — Kaiming He, Xiangyu Zhang, Shaoqing Ren et al. · 2016  (shares: residual" note))
                      (concat label ": its annotation says authors · year (why)") note)
            (pl-check (= (length offered) (length (delete-dups (copy-sequence offered))))
                      (concat label ": each paper offered once (he2016deep is in refs.bib and in the corpus)"))
            (pl-check (string-search pl-cited (pl-line))
                      (concat label ": choosing it inserts ~\\cite{he2016deep} before the sentence's full stop") (pl-line))
            (restore)))
        ;; a paper beyond the five the server has code actions for: cited at the same place
        (pl-step (concat label ": paperlink-related, the last paper")
          (pl-goto pl-sentence 10)
          (let (offered)
            (cl-letf (((symbol-function 'completing-read)
                       (lambda (_prompt table &rest _) (car (last (setq offered (all-completions "" table)))))))
              (call-interactively #'paperlink-related))
            (pl-check (and (> (length offered) 5)
                           (string-match-p "recognition~\\\\cite{[^}]+}\\. Then attention" (pl-line))
                           (not (string-search "he2016deep" (pl-line))))
                      (format "%s: the last paper offered (%s, no code action of its own) is cited at the same place"
                              label (car (last offered)))
                      (pl-line))
            (restore)))
        ;; on a region: the whole sentence, its full stop included
        (pl-step (concat label ": paperlink-related on a region")
          (pl-goto pl-sentence)
          (transient-mark-mode 1)
          (push-mark (point) t t)
          (goto-char (+ (point) (length pl-sentence)))
          (cl-letf (((symbol-function 'completing-read) (lambda (_prompt table &rest _) (car (all-completions "" table)))))
            (call-interactively #'paperlink-related))
          (pl-check (and (string-search pl-cited (pl-line)) (not (region-active-p)))
                    (concat label ": M-x paperlink-related on the region of the sentence cites he2016deep in it") (pl-line))
          (restore))))))

(defvar pl-refs-original (with-temp-buffer (insert-file-contents "refs.bib") (buffer-string)))
(defun pl-add (client label)
  "Issue 12: accepting a completion of a corpus paper (devlin2019bert: in the demo corpus, not in
refs.bib) runs its command, paperlink.addToBibliography (paperlink.el runs it after eglot's exit
function); the server's workspace/applyEdit is applied to refs.bib (eglot asks first, for a file
it does not visit: answered yes), which, saved, has the entry on disk."
  (unless (equal pl-refs-original (with-temp-buffer (insert-file-contents "refs.bib") (buffer-string)))
    (with-temp-file "refs.bib" (insert pl-refs-original))   ; as before an earlier client's run added the entry
    (when-let ((b (find-buffer-visiting (expand-file-name "refs.bib"))))
      (with-current-buffer b (revert-buffer t t))))
  (find-file (expand-file-name "cite.tex"))
  (switch-to-buffer (current-buffer))
  (let ((before pl-refs-original) (asked nil))
    (pl-step (concat label ": cite.tex connects")
      (if (eq client 'eglot)
          (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
        (unless (pl-lsp-ready) (lsp))
        (with-timeout (20 nil) (while (not (pl-lsp-ready)) (accept-process-output nil 0.02))))
      (pl-check (if (eq client 'eglot) (eglot-managed-p) (pl-lsp-ready))
                (concat label ": cite.tex is managed by the PaperLink server")))
    (pl-step (concat label ": add to the bibliography")
      (pl-goto "devl" 4)
      (cl-letf (((symbol-function 'y-or-n-p) (lambda (prompt) (setq asked prompt) t)))
        (completion-at-point))
      (pl-check (string-search "\\cite{devlin2019bert}" (pl-line))
                (concat label ": completion-at-point cites devlin2019bert (a corpus paper)") (pl-line))
      (let ((bib nil))
        (with-timeout (10 nil)   ; lsp-mode runs the command when its exit function has returned
          (while (not (and (setq bib (find-buffer-visiting (expand-file-name "refs.bib")))
                           (with-current-buffer bib (string-search "@article{devlin2019bert," (buffer-string)))))
            (accept-process-output nil 0.05)))
        (pl-check (and bib (with-current-buffer bib (string-search "@article{devlin2019bert," (buffer-string))))
                  (concat label ": the command's workspace/applyEdit adds @article{devlin2019bert, ...} to refs.bib")
                  (pl-oneline asked))
        (when bib (with-current-buffer bib (save-buffer)))
        (let ((after (with-temp-buffer (insert-file-contents "refs.bib") (buffer-string))))
          (pl-check (and (string-prefix-p before after)
                         (string-match-p "\\`\n*@article{devlin2019bert,\n  author +=  *{Devlin, Jacob and" (substring after (length before))))
                    (concat label ": saved, refs.bib on disk has the entry after its own entries, untouched")
                    (pl-oneline (substring after (length before) (min (length after) (+ (length before) 120))))))))))

(pl-out "Emacs %s, eglot %s, markdown-mode: %s" emacs-version (locate-library "eglot") pl-markdown-mode)
(defun pl-finish ()
  (dolist (b (buffer-list)) (with-current-buffer b (set-buffer-modified-p nil)))
  (pl-out "total %.1f s" (/ (pl-ms pl-start) 1000))
  (pl-out "%d passed, %d failed" pl-passed pl-failed)
  (kill-emacs (if (> pl-failed 0) 1 0)))

(unless (pl-document 'eglot "note.tex" "latex" "\\cite{vaswani2017attention}")
  (pl-finish))   ; no server: the other checks would only repeat the failure
(pl-document 'eglot "note.md" "markdown" "[@vaswani2017attention]")
(pl-related 'eglot "related")
(pl-add 'eglot "add")

;; Workspace symbols and rename across the workspace (issue 12): xref's apropos (M-x xref-find-apropos)
;; asks workspace/symbol and lists the paper by a title word at its refs.bib entry; M-x eglot-rename
;; from a citation in note.tex renames the key in refs.bib and in every note (note.md, paper.typ and
;; todo.org not visited: eglot asks before editing them, answered "y"); the buffers saved, the files
;; on disk have the new key.  The files are put back afterwards (lsp-mode's checks read them).
(defconst pl-renamed-files '("refs.bib" "note.tex" "note.md" "paper.typ" "todo.org"))
(defun pl-file-text (f) (with-temp-buffer (insert-file-contents f) (buffer-string)))
(let ((before (mapcar (lambda (f) (cons f (pl-file-text f))) pl-renamed-files)))
  (switch-to-buffer (find-file-noselect (expand-file-name "note.tex")))
  (pl-step "workspace symbols"
    (let* ((t0 (float-time))
           (items (xref-backend-apropos 'eglot "residual"))
           ;; eglot shows each match as the line it points at: the entry's first line in refs.bib
           (hit (seq-find (lambda (x) (string-search "{he2016deep," (xref-item-summary x))) items)))
      (pl-check (and hit (equal (file-name-nondirectory (xref-location-group (xref-item-location hit))) "refs.bib"))
                "xref apropos (workspace/symbol) \"residual\" lists Deep Residual Learning (he2016deep) at its refs.bib entry"
                (format "%.0f ms: %s" (pl-ms t0) (mapconcat #'xref-item-summary items " | ")))))
  (pl-step "rename"
    (pl-goto "he2016deep" 2)
    (let ((t0 (float-time)) asked)
      (cl-letf (((symbol-function 'y-or-n-p) (lambda (prompt) (setq asked prompt) t)))
        (eglot-rename "he2016residual"))
      (pl-check (and asked (string-search "paper.typ" asked) (string-search "todo.org" asked))
                "M-x eglot-rename asks before editing the files that are not visited (paper.typ, todo.org...)"
                (format "%.0f ms: %s" (pl-ms t0) (pl-oneline asked)))
      (save-some-buffers t)
      (dolist (f pl-renamed-files)
        (let ((text (pl-file-text f)))
          (pl-check (and (string-search "he2016residual" text) (not (string-search "he2016deep" text)))
                    (format "eglot-rename: after saving, %s on disk cites he2016residual and no longer he2016deep" f)
                    (truncate-string-to-width (pl-oneline text) 120))))))
  (dolist (b (buffer-list))
    (when (and (buffer-file-name b) (member (file-name-nondirectory (buffer-file-name b)) pl-renamed-files))
      (with-current-buffer b (set-buffer-modified-p nil)) (kill-buffer b)))
  (dolist (fb before) (with-temp-file (car fb) (insert (cdr fb)))))

;; Issue 14: Zotero's database.  `paperlink-zotero' set to a copy of a real Zotero 7 data directory
;; (ZOTERO_* from editor-clients/zotero-fixture.sh), then M-x eglot-signal-didChangeConfiguration: the
;; server asks workspace/configuration again and reads the database.  Completing \cite{tewel offers
;; the Better BibTeX key; the hover (eldoc) shows the abstract and "Open PDF" for the PDF in storage/.
(defun pl-zotero ()
  (let ((dir (getenv "ZOTERO_DATA")) (key (getenv "ZOTERO_KEY")))
    (if (not dir)
        (pl-out "     zotero: no Zotero fixture (editor-clients/zotero-fixture.sh said why above), its checks skipped")
      (with-temp-file "zotero.tex"
        (insert "\\documentclass{article}\n\\begin{document}\nConsistent subjects \\cite{tewel}.\nAs in \\cite{"
                key "}.\n\\end{document}\n"))
      (find-file (expand-file-name "zotero.tex"))
      (switch-to-buffer (current-buffer))
      (pl-step "zotero: completion"
        (let ((t0 (float-time)) (cands nil))
          (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
          (setq paperlink-zotero dir)
          (eglot-signal-didChangeConfiguration (eglot-current-server))
          (with-timeout (30 nil)
            (while (not (member key cands))
              (pl-goto "tewel}" 5)
              (let ((capf (eglot-completion-at-point)))
                (setq cands (mapcar #'substring-no-properties
                                    (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)) (nth 2 capf)))))
              (unless (member key cands) (accept-process-output nil 0.1))))
          (pl-check (member key cands)
                    (format "zotero: paperlink-zotero set to the data directory, completing \\cite{tewel offers %s" key)
                    (format "%.0f ms: %s" (pl-ms t0) (string-join cands ", ")))))
      (pl-step "zotero: hover"
        (pl-goto key 3)
        (let ((t0 (float-time)) (doc nil)
              (pdf (concat "file://" (replace-regexp-in-string " " "%20" (getenv "ZOTERO_PDF") t t))))
          (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc (or info ""))))
          (with-timeout (10 nil) (while (not doc) (accept-process-output nil 0.01)))
          (let ((text (pl-oneline (and doc (substring-no-properties doc)))))
            (pl-check (and (string-search (getenv "ZOTERO_TITLE") text) (string-search (getenv "ZOTERO_ABSTRACT") text))
                      "zotero: hover (eldoc) shows the title and the abstract"
                      (format "%.0f ms: %s" (pl-ms t0) (truncate-string-to-width text 150)))
            (pl-check (and (string-search "Open PDF" text) (string-search pdf text))
                      "zotero: the hover has \"Open PDF\" with the file:// address of the PDF in storage/"
                      (format "%s | %s" pdf (truncate-string-to-width
                                             (substring text (or (string-search "Open PDF" text) (max 0 (- (length text) 200)))) 250))))))
      (setq paperlink-zotero nil)
      (set-buffer-modified-p nil)
      (kill-buffer))))
(pl-zotero)

(let ((servers (cl-remove-if-not (lambda (s) (object-of-class-p s 'paperlink-eglot-server))
                                 (apply #'append (hash-table-values eglot--servers-by-project)))))
  (pl-check (= (length servers) 1) "one server for both notes of the project" (format "%d server(s)" (length servers)))
  (let ((t0 (float-time)))
    (dolist (s servers)
      (pl-step "shutdown"
        (eglot-shutdown s)
        (pl-check (not (process-live-p (jsonrpc--process s))) "server stopped after shutdown"
                  (format "%.0f ms" (pl-ms t0)))))))

;; lsp-mode, when installed (Debian: elpa-lsp-mode): the same checks through lsp-mode's client
(dolist (b (buffer-list)) (when (buffer-file-name b) (with-current-buffer b (set-buffer-modified-p nil)) (kill-buffer b)))
(if (or (getenv "PAPERLINK_TEST_NO_LSP_MODE") (not (require 'lsp-mode nil t)))
    (pl-out "lsp-mode: not installed (or PAPERLINK_TEST_NO_LSP_MODE set), its checks skipped")
  (require 'lsp-completion)
  (setq lsp-session-file (expand-file-name "lsp-session" (getenv "PAPERLINK_TEST_DIR"))
        lsp-auto-guess-root nil lsp-enable-suggest-server-download nil lsp-keep-workspace-alive nil
        lsp-restart 'ignore lsp-enable-file-watchers nil lsp-enable-snippet nil lsp-lens-enable nil
        lsp-headerline-breadcrumb-enable nil lsp-modeline-code-actions-enable nil
        lsp-modeline-workspace-status-enable nil lsp-modeline-diagnostics-enable nil
        lsp-diagnostics-provider :none lsp-response-timeout 10
        paperlink-index-dir (expand-file-name "index-lsp-mode" (getenv "PAPERLINK_TEST_DIR")))
  (lsp-workspace-folders-add default-directory)   ; the project root, without lsp-mode's prompt
  (unless (pl-document 'lsp-mode "note.tex" "lsp-mode latex" "\\cite{vaswani2017attention}")
    (pl-finish))
  (pl-document 'lsp-mode "note.md" "lsp-mode markdown" "[@vaswani2017attention]")
  (pl-related 'lsp-mode "lsp-mode related")
  ;; not (pl-add 'lsp-mode ...): lsp-mode 8.0.0's completion-at-point, in batch, runs no item command (the
  ;; server gets no workspace/executeCommand after the key is inserted), so its half is not checked here
  (let ((t0 (float-time)) (procs (mapcar #'lsp--workspace-proc (lsp--session-workspaces (lsp-session)))))
    (pl-step "lsp-mode shutdown"
      (mapc #'lsp-workspace-shutdown (lsp--session-workspaces (lsp-session)))
      (with-timeout (10 nil) (while (cl-some #'process-live-p procs) (accept-process-output nil 0.02)))
      (pl-check (not (cl-some #'process-live-p procs)) "lsp-mode: server stopped after shutdown"
                (format "%.0f ms" (pl-ms t0))))))

(pl-finish)

;;; paperlink-test.el ends here
