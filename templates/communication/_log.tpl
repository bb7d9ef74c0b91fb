{{%AUTOESCAPE context="HTML"}}<h2 id="mails">{{_ Mails}}</h2>
<p><a href="/cases/{{CASE_ID}}/mail?kind=free_message&amp;application_id={{APPLICATION_ID}}">{{_ Write a mail to the applicant}}</a></p>
{{#NO_MAILS}}<p>{{_ No mails have been sent about this application.}}</p>{{/NO_MAILS}}
{{#MAIL}}<details class="details">
<summary class="details-summary">{{CREATED}}: {{SUBJECT}} ({{STATUS}})</summary>
<div class="details-text">
<p><strong>{{_ Mail}}:</strong> {{KIND}}<br><strong>{{_ To}}:</strong> {{RECIPIENT}}{{#SENT}}<br><strong>{{_ Sent}}:</strong> {{SENT_AT}}{{/SENT}}{{#HAS_REASON}}<br><strong>{{_ Not sent:}}</strong> {{REASON}}{{/HAS_REASON}}</p>
{{#READABLE}}<div class="application-text">{{TEXT}}</div>{{/READABLE}}
{{#UNREADABLE}}<p>{{_ The text of this mail can no longer be read.}}</p>{{/UNREADABLE}}
{{#CAN_RESEND}}<form method="post" action="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/mails/{{OUTBOX_ID}}/resend">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Send again}}</button>
</form>{{/CAN_RESEND}}
</div>
</details>
{{/MAIL}}
