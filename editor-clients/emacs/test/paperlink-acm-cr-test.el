;;; paperlink-acm-cr-test.el --- eglot on the ACM-CR collection: related papers of a real sentence  -*- lexical-binding: t -*-

;; Run by acm-cr.sh (after editor-clients/acm-cr-fixture.sh prepared the note, the cases and the
;; prebuilt words-only index): emacs --batch -q -L editor-clients/emacs -l paperlink-acm-cr-test.el
;; With the 113k ACM papers as `paperlink-corpus' and the fixture's index as `paperlink-index-dir',
;; per case of $ACM_CR_CASES (an ACM-CR topic: its citation sentence, the DOI it cites):
;; eglot's completion-at-point function in the empty \cite{} after the sentence must offer the DOI
;; among its first 5 candidates (in display order) annotated "related …", and choosing it (as
;; Corfu or Company do) writes it; M-x eglot-code-actions on the sentence without its marker,
;; answered with the action that cites the DOI, must leave ~\cite{DOI} before its full stop.
;; Prints "acm-cr: N passed, N failed" and exits non-zero on failure.

;;; Code:

(require 'eglot)
(require 'paperlink)

(setq paperlink-index-dir (getenv "ACM_CR_INDEX")
      paperlink-corpus (list (getenv "ACM_CR_CORPUS"))
      paperlink-settings '(:related (:embeddings :json-false))   ; words only, as PAPERLINK_EMBEDDINGS=off
      eglot-sync-connect t
      eglot-connect-timeout 30)

(defvar pl-passed 0)
(defvar pl-failed 0)
(defvar pl-start (float-time))
(defun pl-out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun pl-ms (t0) (* 1000 (- (float-time) t0)))
(defun pl-check (ok name &optional detail)
  (if ok (setq pl-passed (1+ pl-passed)) (setq pl-failed (1+ pl-failed)))
  (pl-out "%s - %s%s" (if ok "ok" "FAIL") name (if detail (format "  [%s]" detail) "")))
(defmacro pl-step (name &rest body)
  "Run BODY; an error counts as a failure of NAME."
  `(condition-case err (progn ,@body)
     (error (pl-check nil ,name (format "error: %S" err)))))
(defun pl-finish ()
  (dolist (b (buffer-list)) (with-current-buffer b (set-buffer-modified-p nil)))
  (pl-out "acm-cr: total %.1f s" (/ (pl-ms pl-start) 1000))
  (pl-out "acm-cr: %d passed, %d failed" pl-passed pl-failed)
  (kill-emacs (if (> pl-failed 0) 1 0)))
(defun pl-line-text (n)
  (save-excursion (goto-char (point-min)) (forward-line (1- n))
                  (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

;; eglot 1.9 asks for no $/progress: the end of the server's index run is its log line "indexed in …"
(defvar pl-indexed nil)
(cl-defmethod eglot-handle-notification :before
  ((_server paperlink-eglot-server) (_method (eql window/logMessage)) &key message &allow-other-keys)
  (when (and (stringp message) (string-match "\\`indexed in [0-9]+ ms: \\(.*\\)" message))
    (setq pl-indexed (match-string 1 message))))

(defun pl-cases ()
  (with-temp-buffer
    (insert-file-contents (getenv "ACM_CR_CASES"))
    (mapcar (lambda (l)
              (let ((f (split-string l "\t")))
                (list :topic (nth 0 f) :doi (nth 1 f) :cite-line (string-to-number (nth 2 f))
                      :action-line (string-to-number (nth 3 f)) :expected (nth 4 f) :title (nth 5 f))))
            (split-string (buffer-string) "\n" t))))

(defun pl-inserts (action text)
  "Whether the workspace edit of ACTION (an eglot plist) inserts TEXT."
  (let ((changes (plist-get (plist-get action :edit) :changes)) found)
    (while changes
      (seq-doseq (e (cadr changes)) (when (equal (plist-get e :newText) text) (setq found t)))
      (setq changes (cddr changes)))
    found))

(defun pl-case (c)
  (let* ((label (concat "acm-cr topic " (plist-get c :topic)))
         (doi (plist-get c :doi))
         (saved (buffer-string)))
    (cl-flet ((restore () (erase-buffer) (insert saved)))
      ;; completion-at-point's table in the empty \cite{}, in the order a completion UI shows it
      (pl-step (concat label ": completion")
        (goto-char (point-min)) (forward-line (1- (plist-get c :cite-line)))
        (search-forward "\\cite{" (line-end-position))
        (let* ((t0 (float-time))
               (capf (eglot-completion-at-point))
               (table (nth 2 capf))
               (prefix (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)))
               (sort (completion-metadata-get (completion-metadata prefix table nil) 'display-sort-function))
               (cands (all-completions prefix table))
               (cands (if sort (funcall sort cands) cands))
               (took (pl-ms t0))
               (annotate (plist-get (nthcdr 3 capf) :annotation-function))
               (rank (seq-position cands doi))
               (note (string-trim (or (and rank annotate (funcall annotate (nth rank cands))) ""))))
          (pl-check (and rank (< rank 5) (string-prefix-p "related" note))
                    (format "%s: completion in \\cite{} after the sentence offers %s among the first 5, annotated \"related …\"" label doi)
                    (format "%.0f ms, rank %s of %d: %s" took (and rank (1+ rank)) (length cands)
                            (mapconcat (lambda (k) (format "%s (%s)" (substring-no-properties k)
                                                           (string-trim (or (and annotate (funcall annotate k)) ""))))
                                       (seq-take cands 5) ", ")))
          ;; choosing it, as Corfu and Company do: the candidate replaces the prefix, then :exit-function
          (when rank
            (let ((cand (nth rank cands)) (exit (plist-get (nthcdr 3 capf) :exit-function)))
              (delete-region (nth 0 capf) (nth 1 capf))
              (goto-char (nth 0 capf))
              (insert (substring-no-properties cand))
              (when exit (funcall exit cand 'finished))))
          (let ((line (pl-line-text (plist-get c :cite-line))))
            (pl-check (string-search (format "\\cite{%s}" doi) line)
                      (format "%s: choosing it writes \\cite{%s}" label doi) line))
          (restore)))

      ;; M-x eglot-code-actions on the sentence: its menu (completing-read) answered with the DOI's action
      (pl-step (concat label ": code action")
        (goto-char (point-min)) (forward-line (1- (plist-get c :action-line))) (forward-char 10)
        (let* ((t0 (float-time))
               (citation (format "~\\cite{%s}" doi))
               (actions (eglot-code-actions (point) (point) "refactor.rewrite"))
               (mine (seq-find (lambda (a) (pl-inserts a citation)) actions))
               (titles (mapcar (lambda (a) (plist-get a :title)) actions)))
          (when mine
            (cl-letf (((symbol-function 'completing-read) (lambda (&rest _) (plist-get mine :title))))
              (let ((last-nonmenu-event ?a)) (eglot-code-actions (point) (point) "refactor.rewrite" t))))
          (let ((line (pl-line-text (plist-get c :action-line))))
            (pl-check (equal line (plist-get c :expected))
                      (format "%s: eglot-code-actions on the sentence, the \"Cite %s\" action: ~\\cite{%s} before its full stop"
                              label (plist-get c :title) doi)
                      (format "%.0f ms, action %s of %d: %s | line: %s" (pl-ms t0)
                              (and mine (1+ (seq-position actions mine))) (length actions)
                              (string-join titles " | ") line)))
          (restore))))))

(pl-out "Emacs %s, eglot %s" emacs-version (locate-library "eglot"))
(find-file (getenv "ACM_CR_NOTE"))
(switch-to-buffer (current-buffer))
(let ((t0 (float-time)))
  (pl-step "acm-cr: eglot connects"
    (apply #'eglot (eglot--guess-contact))
    (pl-check (and (eglot-managed-p) (object-of-class-p (eglot-current-server) 'paperlink-eglot-server))
              (format "acm-cr: acm.tex is managed by the PaperLink server (%s)" major-mode) (format "%.0f ms" (pl-ms t0))))
  (unless (eglot-managed-p) (pl-finish))
  (with-timeout (60 nil) (while (not pl-indexed) (accept-process-output nil 0.05)))
  (pl-check (and pl-indexed (string-match-p "\\`[1-9][0-9]* papers; 0 files read" pl-indexed))
            "acm-cr: the server opens the prebuilt ACM-CR index up to date (indexDir and corpus settings)"
            (format "%.0f ms: %s" (pl-ms t0) pl-indexed)))
(dolist (c (pl-cases)) (pl-case c))
(pl-step "acm-cr: shutdown" (eglot-shutdown (eglot-current-server)))
(pl-finish)

;;; paperlink-acm-cr-test.el ends here
