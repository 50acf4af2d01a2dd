extension HelpTopic {
    static let submitText = """
        usage: aura-rpc submit FILE|- [--format lines|text|csv|jsonl] [--column C] [--field F]
                               [--redact] [--language L] [--analyzer A] [--redactor R] [--name N]
                               [--idempotency-key K] [--upload-id U] [--wait] [OPTIONS]
               aura-rpc submit FILE --resume UPLOAD_ID [--wait] [OPTIONS]

        Uploads a document to the job log (aura.Jobs/Submit) and prints its job id, size and
        SHA-256 once every byte is durable on the server. - reads the document from stdin.
          --format F          lines (default: one text per non-blank line), text (the whole
                              file is one text), csv (with --column, the header name of the text
                              column) or jsonl (with --field, the name of the text field)
          --redact            redact personal data before the analysis
          --language, --analyzer, --redactor
                              as for analyze: a language hint, and name@version pins
          --name N            a name shown in listings (default: FILE)
          --idempotency-key K submitting again with K returns the first job
          --upload-id U       your id for the upload (1-64 of A-Z a-z 0-9 - _ .), so that a
                              cut-off upload can continue with --resume U
          --resume U          continue upload U from the bytes the server holds
          --wait              follow the job until it ends; exit 0 only if it COMPLETED
        On a terminal, progress bars show the upload and the processing; otherwise a line each
        10%, on stderr. --json prints {"jobId": ..., "bytes": ..., "sha256": ...}.
        """

    static let jobText = """
        usage: aura-rpc job ID | jobs [--status S] [--limit N] | cancel ID | watch ID [OPTIONS]

          job ID      the job's state, records done, failed and total, times, document size and
                      SHA-256, and the summary (counts per sentiment, mean scores, languages)
          jobs        jobs newest first, one a line; --status pending|processing|completed|
                      failed|cancelled, --limit N (default 100)
          cancel ID   cancels a waiting or running job; prints it once it has ended
          watch ID    follows a job until it ends (a progress bar on a terminal)
        --json prints the aura.Job (or aura.JobList; for watch, one aura.Job per change).
        """

    static let resultsText = """
        usage: aura-rpc results ID [--from N] [--csv | --json] [OPTIONS]

        The job's results (aura.Jobs/Results) in record order, one a line:
          17  line 18  POSITIVE  (positive 0.91 negative 0.02 neutral 0.07 mixed 0.00, ...)  en
        or, for a record that failed, its status and error. For a job still running, results
        print as they are made until it ends.
          --from N    start at record N (resume an interrupted download)
          --csv       index,line,sentiment,positive,negative,neutral,mixed,compound,language,error
        --json prints one aura.RecordResult per line.
        """
}
