{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}/applications">{{_ Back to the applications}}</a></p>
<h1>{{_ Confirm the rejection}}</h1>
<p>{{CASE_TITLE}}</p>
<p>{{_ These applicants will be given the status Rejected. The status does not send a mail; write the rejection from the list when you want the applicants told.}}</p>
<form method="post" action="/cases/{{CASE_ID}}/applications/bulk">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="action" value="status">
<input type="hidden" name="status" value="rejected">
<input type="hidden" name="confirm" value="1">
<ul id="chosen">{{#CHOSEN}}<li><input type="hidden" name="application_id" value="{{APPLICATION_ID}}"><a href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}">{{REFERENCE}}</a> ({{STATUS}}){{#KNOCKED_OUT}} · {{_ Knockout answer}}{{/KNOCKED_OUT}}</li>
{{/CHOSEN}}</ul>
<p>{{_ Applicants to reject:}} <strong>{{COUNT}}</strong></p>
<div class="button-row">
<button type="submit" class="button button-primary">{{_ Reject these applicants}}</button>
<a class="button button-secondary" href="/cases/{{CASE_ID}}/applications">{{_ Cancel}}</a>
</div>
</form>
