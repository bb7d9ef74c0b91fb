{{_ We have received your application}}: {{TITLE}}
