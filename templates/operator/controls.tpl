{{%AUTOESCAPE context="HTML"}}<h1>{{_ Operator controls}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<h2>{{_ Log level}}</h2>
<p>{{_ This node logs at:}} <strong id="current-level">{{CURRENT_LEVEL}}</strong>. {{_ A change applies to every node within seconds and stays until it is changed again; the change is recorded in the audit trail. The log never holds passwords, secrets or what applicants wrote.}}</p>
<form method="post" action="/operator/controls/log-level" novalidate id="log-level">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset class="form-group{{#ERROR_LEVEL}} form-error{{/ERROR_LEVEL}}">
<legend class="form-label">{{_ Level}}</legend>
{{#ERROR_LEVEL}}<span class="form-error-message" id="level-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_LEVEL}}
{{#LEVEL}}<div class="form-group-radio"><input type="radio" class="form-radio" id="level-{{VALUE}}" name="level" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}} aria-describedby="level-{{VALUE}}-hint"><label class="form-label" for="level-{{VALUE}}">{{VALUE}}</label><span class="form-hint" id="level-{{VALUE}}-hint">{{DESCRIPTION}}</span></div>
{{/LEVEL}}</fieldset>
<button type="submit" class="button button-primary">{{_ Change the log level}}</button>
</form>
<h2>{{_ Linked libraries}}</h2>
<p>{{_ Check security advisories against these versions. The same list is printed by}} <code>rekrut version --components</code>.</p>
<div class="table--responsive-scroll"><table class="table table--compact table--zebra" id="components">
<thead><tr><th scope="col">{{_ Library}}</th><th scope="col">{{_ Version}}</th><th scope="col">{{_ Source}}</th></tr></thead>
<tbody>
{{#COMPONENT}}<tr><th scope="row">{{NAME}}</th><td>{{VERSION}}</td><td>{{SOURCE}}</td></tr>
{{/COMPONENT}}</tbody></table></div>
<h2 id="rights-reviews">{{_ Reviews of administrator rights}}</h2>
<p>{{_ Record each review of an institution's Superbrugere and Administrators: the outcome and a note. Each institution's list is on its page under Institutions.}}</p>
<form method="post" action="/operator/controls/rights-reviews" novalidate id="rights-review">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_INSTITUTION_ID}} form-error{{/ERROR_INSTITUTION_ID}}">
<label class="form-label" for="institution_id">{{_ Institution}}</label>
{{#ERROR_INSTITUTION_ID}}<span class="form-error-message" id="institution_id-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_INSTITUTION_ID}}
<select class="form-select" id="institution_id" name="institution_id">
<option value="">{{_ Choose an institution}}</option>
{{#INSTITUTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/INSTITUTION_OPTION}}</select>
</div>
<fieldset class="form-group{{#ERROR_OUTCOME}} form-error{{/ERROR_OUTCOME}}">
<legend class="form-label">{{_ Outcome}}</legend>
{{#ERROR_OUTCOME}}<span class="form-error-message" id="outcome-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_OUTCOME}}
{{#OUTCOME_OPTION}}<div class="form-group-radio"><input type="radio" class="form-radio" id="outcome-{{VALUE}}" name="outcome" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="form-label" for="outcome-{{VALUE}}">{{LABEL}}</label></div>
{{/OUTCOME_OPTION}}</fieldset>
<div class="form-group{{#ERROR_NOTE}} form-error{{/ERROR_NOTE}}">
<label class="form-label" for="note">{{_ Note}}</label>
{{#ERROR_NOTE}}<span class="form-error-message" id="note-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NOTE}}
<textarea class="form-input input-width-xl" id="note" name="note" rows="3" maxlength="1000"{{#ERROR_NOTE}} aria-describedby="note-error"{{/ERROR_NOTE}}>{{VALUE_NOTE}}</textarea>
</div>
<button type="submit" class="button button-primary">{{_ Record the review}}</button>
</form>
{{#NO_REVIEWS}}<p id="no-reviews">{{_ No review has been recorded.}}</p>{{/NO_REVIEWS}}
{{#REVIEWS}}<div class="table--responsive-scroll"><table class="table table--compact table--zebra" id="reviews">
<thead><tr><th scope="col">{{_ Institution}}</th><th scope="col">{{_ Reviewed by}}</th><th scope="col">{{_ When}}</th><th scope="col">{{_ Outcome}}</th><th scope="col">{{_ Note}}</th></tr></thead>
<tbody>
{{#REVIEW}}<tr><th scope="row">{{INSTITUTION}}</th><td>{{REVIEWER}}</td><td>{{AT}}</td><td>{{OUTCOME}}</td><td class="rekrut-pre-line">{{NOTE}}</td></tr>
{{/REVIEW}}</tbody></table></div>{{/REVIEWS}}
