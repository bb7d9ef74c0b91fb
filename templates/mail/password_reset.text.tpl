{{_ Hello}} {{NAME}}

{{_ Use this link within 30 minutes to choose a new password. The link works once. If you did not ask for it, ignore this mail.}}
{{LINK}}
