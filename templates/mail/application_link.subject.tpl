{{_ Your link to your application}}: {{TITLE}}
