{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}/applications">{{_ All applications for}} {{CASE_TITLE}}</a></p>
<h1>{{_ Mails sent}}: {{KIND_NAME}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
<div id="mailing-progress" data-mailing-progress="{{#RUNNING}}running{{/RUNNING}}{{#FINISHED}}finished{{/FINISHED}}">
<p aria-live="polite" aria-atomic="true" class="mailing-counts"><strong>{{_ Sent}}: {{SENT}}</strong> · {{_ Waiting}}: {{WAITING}} · {{_ Failed}}: {{FAILED}} · {{_ Cancelled}}: {{CANCELLED}} · {{_ Not sent}}: {{NOT_SENT}}</p>
{{#RUNNING}}<p>{{_ The mails are being sent. This page updates by itself; without JavaScript, reload it.}} <a href="/cases/{{CASE_ID}}/mailings/{{MAILING_ID}}">{{_ Reload}}</a></p>{{/RUNNING}}
{{#FINISHED}}<p>{{_ Nothing is waiting to be sent.}}</p>{{/FINISHED}}
<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Recipients}}">
<table class="table table--zebra table--responsive-headers">
<caption class="sr-only">{{_ Recipients}}</caption>
<thead><tr><th scope="col">{{_ Reference number}}</th><th scope="col">{{_ Name}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Sent}}</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-title="{{_ Reference number}}"><a href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}#mails">{{REFERENCE}}</a></td><td data-title="{{_ Name}}">{{NAME}}</td><td data-title="{{_ Status}}">{{STATUS}}{{#HAS_REASON}}: {{REASON}}{{/HAS_REASON}}</td><td data-title="{{_ Sent}}">{{SENT_AT}}</td></tr>
{{/ROW}}</tbody>
</table>
</div>
</div>
{{#RUNNING}}<form method="post" action="/cases/{{CASE_ID}}/mailings/{{MAILING_ID}}/cancel" id="mailing-cancel">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Cancel the mails not yet sent}}</button>
</form>{{/RUNNING}}
