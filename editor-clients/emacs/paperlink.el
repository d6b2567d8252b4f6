;;; paperlink.el --- PaperLink citation language server for eglot and lsp-mode  -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: tex, wp, bib, languages
;; URL: https://github.com/paperlink/paperlink

;;; Commentary:

;; Registers PaperLink (`paperlink serve', a language server for citations in LaTeX, Markdown,
;; Quarto, R Markdown, Typst, Org and BibTeX) with eglot, and with lsp-mode when lsp-mode is loaded.
;;
;;   (add-to-list 'load-path "/path/to/paperlink/editor-clients/emacs")
;;   (require 'paperlink)
;;   (setq paperlink-corpus '("~/Zotero/library.bib"))
;;   (add-hook 'LaTeX-mode-hook #'eglot-ensure)      ; or M-x eglot in a note
;;
;; The launcher is `paperlink-command' (default: bin/paperlink of the checkout this file is in,
;; else `paperlink' on PATH).  The settings (`paperlink-corpus', `paperlink-index-dir',
;; `paperlink-zotero', `paperlink-settings') go to the server as initializationOptions
;; {"paperlink": {...}} and answer its workspace/configuration requests.
;;
;;   (setq paperlink-zotero t)            ; Zotero's database, read directly and followed live
;;   (setq paperlink-zotero "~/Zotero")   ; ... of this data directory
;;
;; M-x paperlink-related (eglot) offers the papers related to the region, or to the sentence at
;; point, and cites the chosen one before the sentence's full stop.

;;; Code:

(require 'cl-lib)
(require 'seq)
(require 'subr-x)

(defgroup paperlink nil
  "PaperLink citation language server."
  :group 'tools
  :prefix "paperlink-")

(defconst paperlink--directory
  (file-name-directory (or load-file-name buffer-file-name default-directory))
  "The folder of paperlink.el.")

(defcustom paperlink-command nil
  "How to start the server.
nil: bin/paperlink of the checkout holding this file, else `paperlink' on PATH,
with the argument \"serve\".  A string: the launcher, called with \"serve\".
A list of strings: the whole command."
  :type '(choice (const :tag "Find it" nil) (string :tag "Launcher") (repeat :tag "Command" string)))

(defcustom paperlink-java nil
  "A java executable or JDK home (Java 21+) for the launcher.
It sets PAPERLINK_JAVA; nil lets the launcher search."
  :type '(choice (const nil) string))

(defcustom paperlink-corpus nil
  "Corpus sources besides the workspace: files, folders or globs.
This is the `corpus' setting."
  :type '(repeat string))

(defcustom paperlink-index-dir nil
  "Where the server keeps its index (the `indexDir' setting).
nil: the server's default."
  :type '(choice (const nil) string))

(defcustom paperlink-zotero nil
  "Whether and which Zotero database to read (the `zotero' setting).
The database (zotero.sqlite in Zotero's data directory, with the Better BibTeX
keys of better-bibtex.sqlite beside it) is read directly and followed live.
nil: not sent (the server's default: off).  t: on, Zotero's own data directory
\(from its profile's prefs.js, else ~/Zotero).  `off': off.  A string: the data
directory, or its zotero.sqlite.  A plist: (:enabled t :dataDirectory \"~/Zotero\"
:libraries (\"My Library\") :collections (\"Thesis/Chapter 2\")), only the
libraries and collections named (empty: all)."
  :type '(choice (const :tag "Not sent" nil)
                 (const :tag "Zotero's own data directory" t)
                 (const :tag "Off" off)
                 (string :tag "Data directory")
                 (plist :tag "Settings")))

(defcustom paperlink-settings nil
  "Other `paperlink' settings, as a plist.
For example
  (:insertionStyle \"pandoc\" :latexCommand \"citep\"
   :hover (:abstractMaxChars 400))."
  :type 'plist)

(defcustom paperlink-exit-wait 3
  "Seconds eglot lets the server exit by itself after `exit', before killing it."
  :type 'number)

(defcustom paperlink-latex-modes
  '(latex-mode LaTeX-mode tex-mode TeX-mode plain-tex-mode plain-TeX-mode latex-ts-mode)
  "Major modes of LaTeX documents."
  :type '(repeat symbol))

(defcustom paperlink-markdown-modes
  '(markdown-mode gfm-mode markdown-ts-mode poly-markdown-mode poly-quarto-mode quarto-mode
                  poly-markdown+r-mode)
  "Major modes of Markdown, Quarto and R Markdown documents."
  :type '(repeat symbol))

(defcustom paperlink-bibtex-modes '(bibtex-mode)
  "Major modes of BibTeX files."
  :type '(repeat symbol))

(defcustom paperlink-typst-modes '(typst-mode typst-ts-mode)
  "Major modes of Typst documents."
  :type '(repeat symbol))

(defcustom paperlink-org-modes '(org-mode)
  "Major modes of Org documents."
  :type '(repeat symbol))

(defun paperlink--launcher ()
  "The launcher: bin/paperlink beside this checkout, else `paperlink' on PATH."
  (let ((bundled (expand-file-name "../../bin/paperlink" paperlink--directory)))
    (cond ((file-executable-p bundled) bundled)
          ((executable-find "paperlink"))
          (t (user-error "PaperLink: cannot find the launcher; set `paperlink-command' to /path/to/paperlink/bin/paperlink")))))

(defun paperlink-command ()
  "The command (a list of strings) that starts the server over stdio."
  (let ((cmd (cond ((consp paperlink-command) paperlink-command)
                   ((stringp paperlink-command) (list (expand-file-name paperlink-command) "serve"))
                   (t (list (paperlink--launcher) "serve")))))
    (if paperlink-java
        (append (list "env" (concat "PAPERLINK_JAVA=" (expand-file-name paperlink-java))) cmd)
      cmd)))

;;;###autoload
(defun paperlink-doctor ()
  "Show what `paperlink doctor' finds in the buffer *paperlink-doctor*.
Java, the launcher and the jar, the index (`paperlink-index-dir' when set), its
sources and their state, the last indexing error, and whether a language server
starts and answers initialize.  Returns the buffer."
  (interactive)
  (let* ((server (paperlink-command))
         (serve (member "serve" server))
         (launcher (if serve (butlast server (length serve)) server))
         (args (append (cdr launcher) (list "doctor")
                       (when paperlink-index-dir
                         (list "--index-dir" (expand-file-name paperlink-index-dir)))))
         (buffer (get-buffer-create "*paperlink-doctor*")))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert (format "$ %s\n\n" (mapconcat #'identity (cons (car launcher) args) " ")))
        (let ((status (apply #'call-process (car launcher) nil t nil args)))
          (insert (format "\n(exit status %s)\n" status))))
      (special-mode)
      (goto-char (point-min)))
    (when (called-interactively-p 'interactive)
      (display-buffer buffer))
    buffer))

(defun paperlink--settings ()
  "The `paperlink' settings section, as a plist for JSON."
  (let ((s (copy-sequence paperlink-settings)))
    (when paperlink-corpus
      (setq s (plist-put s :corpus (vconcat (mapcar #'expand-file-name paperlink-corpus)))))
    (when paperlink-index-dir
      (setq s (plist-put s :indexDir (expand-file-name paperlink-index-dir))))
    (when paperlink-zotero
      (setq s (plist-put s :zotero (paperlink--zotero-setting paperlink-zotero))))
    s))

(defun paperlink--zotero-setting (value)
  "VALUE of `paperlink-zotero' as the server reads the `zotero' setting."
  (cond ((eq value t) t)
        ((eq value 'off) :json-false)
        ((stringp value) (expand-file-name value))
        ((consp value)
         (let ((out nil) (p value))
           (while p
             (let ((k (car p)) (v (cadr p)))
               (setq out (plist-put out k
                                    (pcase k
                                      (:enabled (if v t :json-false))
                                      (:dataDirectory (expand-file-name v))
                                      ((or :libraries :collections) (vconcat v))
                                      (_ v)))))
             (setq p (cddr p)))
           out))
        (t (error "paperlink-zotero: t, off, a data directory or a plist, not %S" value))))

(defun paperlink--settings-object ()
  "The settings as a JSON object ({} when empty)."
  (or (paperlink--settings) (make-hash-table)))

(defun paperlink--language-id (&optional mode)
  "The LSP languageId for major MODE (default: the current one), or nil."
  (let ((mode (or mode major-mode)))
    (cond ((apply #'provided-mode-derived-p mode paperlink-bibtex-modes) "bibtex")
          ((apply #'provided-mode-derived-p mode paperlink-typst-modes) "typst")
          ((apply #'provided-mode-derived-p mode paperlink-org-modes) "org")
          ((apply #'provided-mode-derived-p mode paperlink-latex-modes) "latex")
          ((apply #'provided-mode-derived-p mode paperlink-markdown-modes)
           (let ((file (or buffer-file-name "")))
             (cond ((string-match-p "\\.qmd\\'" file) "quarto")
                   ((string-match-p "\\.[Rr]md\\'" file) "rmd")
                   (t "markdown")))))))

;;;; eglot

(defvar eglot-server-programs)

(defun paperlink--eglot-contact (&rest _interactive-and-project)
  "The eglot contact of PaperLink: its server class and command."
  (cons 'paperlink-eglot-server (paperlink-command)))

(defun paperlink-eglot-register ()
  "Put PaperLink first in `eglot-server-programs'.
For the modes of `paperlink-latex-modes', `paperlink-markdown-modes',
`paperlink-bibtex-modes', `paperlink-typst-modes' and `paperlink-org-modes'."
  (let ((modes (append (mapcar (lambda (m) (list m :language-id "latex")) paperlink-latex-modes)
                       (mapcar (lambda (m) (list m :language-id "markdown")) paperlink-markdown-modes)
                       (mapcar (lambda (m) (list m :language-id "bibtex")) paperlink-bibtex-modes)
                       (mapcar (lambda (m) (list m :language-id "typst")) paperlink-typst-modes)
                       (mapcar (lambda (m) (list m :language-id "org")) paperlink-org-modes))))
    (setq eglot-server-programs
          (cons (cons modes #'paperlink--eglot-contact)
                (cl-remove #'paperlink--eglot-contact eglot-server-programs :key #'cdr)))))

(with-eval-after-load 'eglot
  (defclass paperlink-eglot-server (eglot-lsp-server) ()
    :documentation "The PaperLink language server.")

  (cl-defmethod eglot-initialization-options ((_server paperlink-eglot-server))
    (list :paperlink (paperlink--settings-object)))

  ;; workspace/configuration: the `paperlink' section of `eglot-workspace-configuration' when the
  ;; user set one, else the settings of this file.
  (cl-defmethod eglot-handle-request ((_server paperlink-eglot-server) (_method (eql workspace/configuration))
                                      &key items)
    (let ((answers (cl-call-next-method)) (i 0))
      (mapc (lambda (item)
              (when (and (equal (plist-get item :section) "paperlink") (null (aref answers i)))
                (aset answers i (paperlink--settings-object)))
              (setq i (1+ i)))
            items)
      answers))

  ;; eglot 1.9 (Emacs 28) sends one languageId for every buffer of a server (the mode that started
  ;; it), so a Markdown note opened after a LaTeX one would be announced as "latex".  Send each
  ;; buffer's own languageId.
  (cl-defmethod jsonrpc-connection-send :around ((server paperlink-eglot-server) &rest args
                                                 &key method params &allow-other-keys)
    (when (and (memq method '(:textDocument/didOpen textDocument/didOpen))
               (plist-get params :textDocument))
      (when-let ((id (paperlink--language-id)))
        (plist-put (plist-get params :textDocument) :languageId id)))
    (apply #'cl-call-next-method server args))

  ;; After `exit', jsonrpc.el kills the server at once (status 9), before the JVM has written the
  ;; class-data archive that makes the next start faster (bin/paperlink's AppCDS).  Give the
  ;; server a moment to exit by itself.
  (cl-defmethod jsonrpc-shutdown :before ((server paperlink-eglot-server) &optional _cleanup)
    (let ((proc (jsonrpc--process server)))
      (with-timeout (paperlink-exit-wait nil)
        (while (process-live-p proc) (accept-process-output proc 0.05)))))

  ;; Completion items of papers from the corpus carry the command paperlink.addToBibliography: once
  ;; accepted, the server adds the paper to the document's bibliography (workspace/applyEdit, which
  ;; eglot applies to the file's buffer).  eglot 1.9 does not run the commands of completion items:
  ;; this runs it after eglot's own exit function (where a newer eglot runs it as well, the server's
  ;; second answer is "has it already", and nothing more is done).
  (defun paperlink--completion-command (capf)
    "CAPF (eglot's completion answer) with an exit function that also runs the item's command."
    (let ((server (eglot-current-server)))
      (if (not (and (consp capf) server (object-of-class-p server 'paperlink-eglot-server)))
          capf
        (let* ((props (nthcdr 3 capf))
               (table (nth 2 capf))
               (exit (plist-get props :exit-function)))
          (append (seq-take capf 3)
                  (plist-put (copy-sequence props) :exit-function
                             (lambda (proxy status)
                               (when exit (funcall exit proxy status))
                               (when (memq status '(finished exact))
                                 (paperlink--run-item-command server proxy table)))))))))

  (defun paperlink--run-item-command (server proxy table)
    "Run the paperlink.addToBibliography command of the completion item PROXY of TABLE on SERVER."
    (let* ((item (or (get-text-property 0 'eglot--lsp-item proxy)
                     ;; chosen from *Completions*: the string has lost its properties
                     (get-text-property 0 'eglot--lsp-item (or (car (member proxy (all-completions "" table))) " "))))
           (command (plist-get item :command)))
      (when (equal (plist-get command :command) "paperlink.addToBibliography")
        (let ((result (eglot-execute-command server (plist-get command :command) (plist-get command :arguments))))
          (when (plist-get result :message)
            (message "PaperLink: %s" (plist-get result :message)))))))

  (advice-add 'eglot-completion-at-point :filter-return #'paperlink--completion-command)

  (paperlink-eglot-register))

;;;; Related papers (eglot)

(declare-function eglot-current-server "eglot")
(declare-function eglot--TextDocumentIdentifier "eglot")
(declare-function eglot--pos-to-lsp-position "eglot")
(declare-function eglot--apply-text-edits "eglot")
(declare-function jsonrpc-request "jsonrpc")

(defun paperlink--trim-end (beg end)
  "END moved back over blanks and a closing full stop (or ? !), not before BEG.
From just after a sentence's full stop the server would read on into the
next sentence; from the full stop it takes the sentence the region ends in."
  (save-excursion
    (goto-char end)
    (skip-chars-backward " \t\n\r\f" beg)
    (skip-chars-backward ".?!" beg)
    (point)))

(defun paperlink--related-annotation (item)
  "\" — authors · year  (why)\" of a paperlink/relatedPapers ITEM."
  (let* ((authors (append (plist-get item :authors) nil))
         (by (if (> (length authors) 3)
                 (concat (string-join (seq-take authors 3) ", ") " et al.")
               (string-join authors ", ")))
         (year (let ((y (plist-get item :year))) (if (stringp y) y (if y (format "%s" y) ""))))
         (meta (string-join (seq-remove #'string-empty-p (list by year)) " · "))
         (why (or (plist-get item :why) "")))
    (concat (if (string-empty-p meta) "" (concat " — " meta))
            (if (string-empty-p why) "" (concat "  (" why ")")))))

(defun paperlink--related-candidates (items)
  "ITEMS as (LABEL . ITEM): the title, with the key after it when titles repeat."
  (let (out)
    (dolist (item items (nreverse out))
      (let ((label (or (plist-get item :title) (plist-get item :key))))
        (when (assoc label out) (setq label (format "%s [%s]" label (plist-get item :key))))
        (push (cons label item) out)))))

(defun paperlink--insert-related (server params chosen items)
  "Insert CHOSEN's citation where the server's \"Cite …\" code action puts it.
PARAMS are those of the paperlink/relatedPapers request, ITEMS its answer.
The code actions for the same range are asked for: the one citing CHOSEN is
applied when it is among them (the server offers five), else CHOSEN's citation
goes where those actions insert theirs (before the sentence's full stop, after
their \"~\" or space); with no action at all, at the end of the range."
  (let* ((citation (plist-get chosen :citation))
         (actions (jsonrpc-request server :textDocument/codeAction
                                   (list :textDocument (plist-get params :textDocument)
                                         :range (plist-get params :range)
                                         :context (list :diagnostics [] :only ["refactor.rewrite"]))))
         (ends-with (lambda (text tail) (and (stringp text) (string-suffix-p tail text))))
         found place prefix)
    (seq-doseq (action actions)
      (let* ((changes (plist-get (plist-get action :edit) :changes))
             (edits (and changes (= (length changes) 2) (append (cadr changes) nil)))
             (edit (and (= (length edits) 1) (car edits)))
             (text (plist-get edit :newText)))
        (when edit
          (cond ((and (not found) (funcall ends-with text citation)) (setq found edit))
                ((not place)
                 (dolist (other items)
                   (let ((c (plist-get other :citation)))
                     (when (and (not place) (funcall ends-with text c))
                       (setq place (plist-get (plist-get edit :range) :start)
                             prefix (substring text 0 (- (length text) (length c))))))))))))
    (unless found
      (let ((at (or place (plist-get (plist-get params :range) :end))))
        (setq found (list :range (list :start at :end at) :newText (concat (or prefix "") citation)))))
    (eglot--apply-text-edits (vector found))
    (message "PaperLink: cited %s" (plist-get chosen :key))))

(defun paperlink-related (beg end)
  "Cite a paper related to the region from BEG to END, or to the sentence at point.
Asks the server (paperlink/relatedPapers) for the papers related to the text,
offers them with `completing-read' (most related first; the annotation says
authors, year and the words they share) and inserts the chosen paper's citation
where the server's \"Cite …\" code action would: before the sentence's full stop,
in the document's syntax (~\\cite{key}, [@key]).  Needs eglot; with lsp-mode, the
same citations are its code actions (`lsp-execute-code-action')."
  (interactive (if (use-region-p) (list (region-beginning) (region-end)) (list (point) (point))))
  (let* ((server (or (and (fboundp 'eglot-current-server) (eglot-current-server))
                     (user-error "PaperLink: this buffer has no eglot server (M-x eglot)")))
         (end (if (< beg end) (paperlink--trim-end beg end) end))
         (params (list :textDocument (eglot--TextDocumentIdentifier)
                       :range (list :start (eglot--pos-to-lsp-position beg)
                                    :end (eglot--pos-to-lsp-position end))))
         (seen (make-hash-table :test #'equal))
         ;; a paper both in the document's bibliography and in the corpus may come twice
         (items (seq-filter (lambda (it) (unless (gethash (plist-get it :key) seen)
                                           (puthash (plist-get it :key) t seen)))
                            (append (jsonrpc-request server :paperlink/relatedPapers params) nil))))
    (unless items
      (user-error "PaperLink: no related papers for this passage (is a corpus configured?)"))
    (let* ((candidates (paperlink--related-candidates items))
           (labels (mapcar #'car candidates))
           (table (lambda (string pred action)
                    (if (eq action 'metadata)
                        '(metadata (category . paperlink-paper)
                                   (display-sort-function . identity)
                                   (cycle-sort-function . identity))
                      (complete-with-action action labels string pred))))
           (completion-extra-properties
            (list :annotation-function
                  (lambda (label) (paperlink--related-annotation (cdr (assoc label candidates))))))
           (label (completing-read "Cite a related paper: " table nil t nil nil (car labels)))
           (chosen (cdr (assoc label candidates))))
      (when chosen
        (deactivate-mark)
        (paperlink--insert-related server params chosen items)))))

;;;; lsp-mode

(defvar lsp-language-id-configuration)
(declare-function lsp-register-client "lsp-mode")
(declare-function make-lsp-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")
(declare-function lsp-register-custom-settings "lsp-mode")

(defun paperlink--lsp-corpus ()
  "The `corpus' setting for lsp-mode's workspace/configuration answer."
  (vconcat (mapcar #'expand-file-name paperlink-corpus)))

(defun paperlink--lsp-index-dir ()
  "The `indexDir' setting for lsp-mode's workspace/configuration answer."
  (and paperlink-index-dir (expand-file-name paperlink-index-dir)))

(defun paperlink-lsp-mode-register ()
  "Register PaperLink with lsp-mode.
As an add-on server, beside the other servers of the same modes."
  (dolist (m paperlink-latex-modes) (add-to-list 'lsp-language-id-configuration (cons m "latex") t))
  (dolist (m paperlink-markdown-modes) (add-to-list 'lsp-language-id-configuration (cons m "markdown") t))
  (dolist (m paperlink-bibtex-modes) (add-to-list 'lsp-language-id-configuration (cons m "bibtex") t))
  (dolist (m paperlink-typst-modes) (add-to-list 'lsp-language-id-configuration (cons m "typst") t))
  (dolist (m paperlink-org-modes) (add-to-list 'lsp-language-id-configuration (cons m "org") t))
  ;; workspace/configuration {section: "paperlink"}
  (lsp-register-custom-settings
   '(("paperlink.corpus" paperlink--lsp-corpus)
     ("paperlink.indexDir" paperlink--lsp-index-dir)))
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection #'paperlink-command)
    :major-modes (append paperlink-latex-modes paperlink-markdown-modes paperlink-bibtex-modes
                        paperlink-typst-modes paperlink-org-modes)
    :server-id 'paperlink
    :add-on? t
    :priority -1
    :initialization-options (lambda () (list :paperlink (paperlink--settings-object))))))

(with-eval-after-load 'lsp-mode
  (paperlink-lsp-mode-register))

(provide 'paperlink)
;;; paperlink.el ends here
