{{%AUTOESCAPE context="HTML"}}<h1>{{_ Outgoing mail}}</h1>
<p class="font-lead">{{_ The latest mails the system has written, newest first, with their delivery.}}</p>
<p>{{_ The contents of the mails are not shown here: they are stored encrypted and opened only to be sent. Sign-in mails are deleted a week after delivery; mails to applicants stay, encrypted under the application's own key, with the application until it is deleted. A mail to an applicant is named by its kind.}}</p>
{{#NO_MESSAGES}}<p>{{_ No mails have been written yet.}}</p>{{/NO_MESSAGES}}
{{#MESSAGES}}<div class="table--responsive-scroll"><table class="table table--compact" id="outbox">
<thead><tr><th scope="col">{{_ Time}}</th><th scope="col">{{_ Recipient}}</th><th scope="col">{{_ Subject}}</th><th scope="col">{{_ State}}</th></tr></thead>
<tbody>
{{#MESSAGE}}<tr data-message-id="{{ID}}"><td>{{CREATED}}</td><td>{{RECIPIENT}}</td>
<td>{{SUBJECT}}</td>
<td>{{STATE}}{{#WAS_SENT}} {{SENT_AT}}{{/WAS_SENT}}{{#FAILED}}<br>{{_ Attempts:}} {{ATTEMPTS}}, {{_ next attempt}} {{NEXT_ATTEMPT}}<br><span class="form-error-message">{{ERROR}}</span>{{/FAILED}}</td></tr>
{{/MESSAGE}}</tbody>
</table></div>{{/MESSAGES}}
