{{%AUTOESCAPE context="HTML"}}<h1>{{_ Contingency bundle}}</h1>
<p class="font-lead">{{_ If the service is out of reach for a long time, the institution carries on by hand. Export the active cases now and keep the bundle safe until you need it.}}</p>
<h2>{{_ What the bundle holds}}</h2>
<p>{{_ For each case that is not closed, a PDF to print and a CSV to open in a spreadsheet with:}}</p>
<ul>
<li>{{_ the case's facts, contact persons and deadlines}}</li>
<li>{{_ the ad}}</li>
<li>{{_ the hiring committee}}</li>
<li>{{_ the applicants with status and contact data}}</li>
<li>{{_ the interview schedule}}</li>
</ul>
<p>{{_ At most}} {{MAX_CASES}} {{_ cases and}} {{MAX_APPLICATIONS}} {{_ applications in one bundle.}}</p>
<div class="alert alert-warning"><div class="alert-body">
<p class="alert-heading">{{_ The bundle holds personal data}}</p>
<p class="alert-text">{{_ The ZIP file is encrypted with AES-256 under the passphrase you choose. Open it with 7-Zip; Windows Explorer cannot open it. Keep the passphrase apart from the file, and delete the file when the service is back. The export is recorded in the audit trail.}}</p>
</div></div>
{{>ERROR_SUMMARY}}
<form method="post" action="/contingency" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_PASSPHRASE}} form-error{{/ERROR_PASSPHRASE}}">
<label class="form-label" for="passphrase">{{_ Passphrase}}</label>
<span class="form-hint" id="passphrase-hint">{{_ At least 12 characters. It is not stored anywhere: without it, the bundle cannot be opened.}}</span>
{{#ERROR_PASSPHRASE}}<span class="form-error-message" id="passphrase-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PASSPHRASE}}
<input class="form-input input-width-l" type="password" id="passphrase" name="passphrase" autocomplete="new-password" aria-describedby="passphrase-hint">
</div>
<div class="form-group{{#ERROR_PASSPHRASE_REPEAT}} form-error{{/ERROR_PASSPHRASE_REPEAT}}">
<label class="form-label" for="passphrase_repeat">{{_ Passphrase again}}</label>
{{#ERROR_PASSPHRASE_REPEAT}}<span class="form-error-message" id="passphrase_repeat-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PASSPHRASE_REPEAT}}
<input class="form-input input-width-l" type="password" id="passphrase_repeat" name="passphrase_repeat" autocomplete="new-password">
</div>
<button type="submit" class="button button-primary">{{_ Download the bundle}}</button>
</form>
