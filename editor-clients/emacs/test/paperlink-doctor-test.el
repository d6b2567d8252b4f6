;;; paperlink-doctor-test.el --- ERT test of M-x paperlink-doctor  -*- lexical-binding: t -*-

;; Run by run.sh: emacs --batch -q -L editor-clients/emacs -l ert -l paperlink-doctor-test.el
;;   -f ert-run-tests-batch-and-exit
;; paperlink-doctor runs `paperlink doctor' through the launcher of this checkout and shows its
;; output in a buffer.

;;; Code:

(require 'ert)
(require 'paperlink)

(ert-deftest paperlink-doctor-shows-java-the-index-and-a-server-that-answers ()
  (let* ((paperlink-index-dir (expand-file-name "doctor-index" (getenv "PAPERLINK_TEST_DIR")))
         (buffer (paperlink-doctor))
         (text (with-current-buffer buffer (buffer-string))))
    (should (equal (buffer-name buffer) "*paperlink-doctor*"))
    (should (string-match-p "paperlink doctor --index-dir " text))
    (should (string-match-p "^OK +java +Java [0-9]" text))
    (should (string-match-p "doctor-index does not exist yet" text))
    (should (string-match-p "^OK +server +'paperlink serve' answered initialize in" text))
    (should (string-match-p "(exit status 0)" text))
    (should (with-current-buffer buffer buffer-read-only))))

;;; paperlink-doctor-test.el ends here
