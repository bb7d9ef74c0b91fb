{{%AUTOESCAPE context="HTML"}}<a class="back-link" href="/operator/offboarding">{{_ Back to the off-boardings}}</a>
<h1>{{_ Off-boarding of}} {{INSTITUTION_NAME}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<dl id="offboarding" data-state="{{STATE_CODE}}">
<dt>{{_ State}}</dt><dd>{{STATE}}</dd>
<dt>{{_ Reason}}</dt><dd>{{REASON}}</dd>
<dt>{{_ Requested by}}</dt><dd>{{REQUESTED_BY}}, {{REQUESTED_AT}}</dd>
{{#DECIDED}}<dt>{{_ Decided by}}</dt><dd>{{DECIDED_BY}}, {{DECIDED_AT}}</dd>{{/DECIDED}}
{{#EXPORTED}}<dt>{{_ Export downloaded}}</dt><dd>{{EXPORTED_AT}}</dd>{{/EXPORTED}}
{{#DELETED}}<dt>{{_ Data deleted}}</dt><dd>{{DELETED_AT}}</dd>{{/DELETED}}
</dl>
{{#OWN_REQUEST}}<p>{{_ Your request is waiting for a second operator.}}</p>{{/OWN_REQUEST}}
{{#WAITS_FOR_APPROVER}}<p>{{_ The operator who approved the off-boarding carries it out.}}</p>{{/WAITS_FOR_APPROVER}}
{{#CAN_DECIDE}}<form method="post" action="/operator/offboarding/{{OFFBOARDING_ID}}/decision" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" name="decision" value="approve" class="button button-primary">{{_ Approve}}</button> <button type="submit" name="decision" value="reject" class="button button-secondary">{{_ Reject}}</button></form>{{/CAN_DECIDE}}
{{#CAN_EXPORT}}<h2>{{_ Download the export}}</h2>
<div class="alert alert-warning"><div class="alert-body">
<p class="alert-heading">{{_ The export can be downloaded once}}</p>
<p class="alert-text">{{_ The ZIP file holds all the institution's data, personal data included, and is encrypted with AES-256 under the passphrase you choose. Open it with 7-Zip. Hand the file and the passphrase to the institution by separate channels. The format is described in the operator documentation (offboarding.md).}}</p>
</div></div>
<form method="post" action="/operator/offboarding/{{OFFBOARDING_ID}}/export" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_PASSPHRASE}} form-error{{/ERROR_PASSPHRASE}}">
<label class="form-label" for="passphrase">{{_ Passphrase}}</label>
<span class="form-hint" id="passphrase-hint">{{_ At least 12 characters. It is not stored anywhere: without it, the export cannot be opened.}}</span>
{{#ERROR_PASSPHRASE}}<span class="form-error-message" id="passphrase-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PASSPHRASE}}
<input class="form-input input-width-l" type="password" id="passphrase" name="passphrase" autocomplete="new-password" aria-describedby="passphrase-hint">
</div>
<div class="form-group{{#ERROR_PASSPHRASE_REPEAT}} form-error{{/ERROR_PASSPHRASE_REPEAT}}">
<label class="form-label" for="passphrase_repeat">{{_ Passphrase again}}</label>
{{#ERROR_PASSPHRASE_REPEAT}}<span class="form-error-message" id="passphrase_repeat-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PASSPHRASE_REPEAT}}
<input class="form-input input-width-l" type="password" id="passphrase_repeat" name="passphrase_repeat" autocomplete="new-password">
</div>
<button type="submit" class="button button-primary">{{_ Download the export}}</button>
</form>{{/CAN_EXPORT}}
{{#CAN_DELETE}}<h2>{{_ Delete the institution's data}}</h2>
<div class="alert alert-error"><div class="alert-body">
<p class="alert-heading">{{_ This cannot be undone}}</p>
<p class="alert-text">{{_ Every case, application, file, account, template and setting of the institution is deleted. The audit trail stays, with the personal data in it made unreadable. The institution's users can no longer sign in.}}</p>
</div></div>
<form method="post" action="/operator/offboarding/{{OFFBOARDING_ID}}/deletion" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_CONFIRMATION}} form-error{{/ERROR_CONFIRMATION}}">
<label class="form-label" for="confirmation">{{_ The institution's CVR number, to confirm}}</label>
{{#ERROR_CONFIRMATION}}<span class="form-error-message" id="confirmation-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CONFIRMATION}}
<input class="form-input input-width-s" type="text" id="confirmation" name="confirmation" autocomplete="off" inputmode="numeric">
</div>
<div class="form-group">
<p class="form-hint" id="leave-at-jobnet-hint">{{_ The deletion waits until Jobnet has confirmed that the institution's ads are deleted there. Where that cannot happen (the Jobnet transfer is off, or Jobnet keeps refusing), delete anyway and close the ads at Jobnet by hand.}}</p>
<ul class="nobullet-list"><li><input id="leave_at_jobnet" type="checkbox" name="leave_at_jobnet" value="1" class="form-checkbox" aria-describedby="leave-at-jobnet-hint"><label for="leave_at_jobnet">{{_ Delete even if ads are still at Jobnet; I close them there by hand}}</label></li></ul>
</div>
<button type="submit" class="button button-primary">{{_ Delete the data}}</button>
</form>{{/CAN_DELETE}}
{{#REPORT}}<h2>{{_ Deletion report}}</h2>
<table class="table table--compact" id="deletion-report">
<thead><tr><th scope="col">{{_ What}}</th><th scope="col">{{_ Deleted}}</th></tr></thead>
<tbody>
{{#REPORT_ROW}}<tr><th scope="row">{{KIND}}</th><td>{{COUNT}}</td></tr>
{{/REPORT_ROW}}</tbody>
</table>{{/REPORT}}
