{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}">{{_ Back to the application}} {{REFERENCE}}</a></p>
<h1>{{KIND}}{{#HAS_FILENAME}}: {{FILENAME}}{{/HAS_FILENAME}}</h1>
{{#ANONYMISED}}<div class="alert alert-info" role="note"><div class="alert-body"><p class="alert-text">{{_ The text of the attachment with the applicant's name, contact data, age and gender masked (•••). Pictures are not shown.}}</p></div></div>{{/ANONYMISED}}
{{#NO_TEXT}}<p>{{_ No text could be read from this attachment.}}</p>{{/NO_TEXT}}
{{#HAS_TEXT}}<div class="application-text">{{TEXT}}</div>{{/HAS_TEXT}}
