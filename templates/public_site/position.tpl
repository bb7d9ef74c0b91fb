{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/">{{_ All open positions}}</a></p>
{{>AD}}
{{#ACCEPTING}}<p class="apply-action"><a class="button button-primary" href="/positions/{{CASE_ID}}/apply">{{_ Apply for the position}}</a></p>{{/ACCEPTING}}
{{#CLOSED}}<div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-text">{{_ The application deadline has passed. Applications can no longer be sent.}}</p></div></div>{{/CLOSED}}
