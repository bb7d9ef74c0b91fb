{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-lg-9">
<p><a class="back-link" href="{{BACK_HREF}}">{{BACK_TEXT}}</a></p>
<h1>{{HEADING}}</h1>
<p class="font-lead">{{INSTITUTION}}. {{_ Application deadline}}: <time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time></p>
{{>ERROR_SUMMARY}}
<p>{{INTRODUCTION}}</p>
<form method="post" action="{{FORM_ACTION}}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
{{#REGISTER}}<fieldset>
<legend class="h2">{{_ How the application arrived}}</legend>
<div class="form-group">
<fieldset><legend class="form-label">{{_ Received by}}</legend>
<ul class="nobullet-list">
<li><input class="form-radio" type="radio" id="channel" name="channel" value="paper"{{#CHANNEL_PAPER}} checked{{/CHANNEL_PAPER}}><label for="channel">{{_ Post or hand delivery}}</label></li>
<li><input class="form-radio" type="radio" id="channel-email" name="channel" value="email"{{#CHANNEL_EMAIL}} checked{{/CHANNEL_EMAIL}}><label for="channel-email">{{_ E-mail}}</label></li>
</ul></fieldset>
</div>
<div class="form-group{{#ERROR_RECEIVED_DATE}} form-error{{/ERROR_RECEIVED_DATE}}">
<label class="form-label" for="received_date">{{_ Date received}} <span class="weight-normal">({{_ required}})</span></label>
<span class="form-hint" id="received_date-hint">{{_ As it was received, for example 2026-03-01. Whether it came before the deadline is recorded as it is.}}</span>
{{#ERROR_RECEIVED_DATE}}<span class="form-error-message" id="received_date-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_RECEIVED_DATE}}
<input class="form-input input-width-s" type="date" id="received_date" name="received_date" value="{{VALUE_RECEIVED_DATE}}" aria-describedby="received_date-hint{{#ERROR_RECEIVED_DATE}} received_date-error{{/ERROR_RECEIVED_DATE}}">
</div>
<div class="form-group">
<label class="form-label" for="received_time">{{_ Time received}}</label>
<input class="form-input input-width-xs" type="time" id="received_time" name="received_time" value="{{VALUE_RECEIVED_TIME}}">
</div>
</fieldset>{{/REGISTER}}
<fieldset>
<legend class="h2">{{ABOUT_HEADING}}</legend>
{{#TEXT_FIELD}}<div class="form-group{{#ERROR}} form-error{{/ERROR}}">
<label class="form-label" for="{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="weight-normal">({{_ required}})</span>{{/REQUIRED}}</label>
{{#ERROR}}<span class="form-error-message" id="{{NAME}}-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR}}
<input class="form-input {{WIDTH}}" type="{{TYPE}}" id="{{NAME}}" name="{{NAME}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}"{{#ERROR}} aria-describedby="{{NAME}}-error"{{/ERROR}}>
</div>
{{/TEXT_FIELD}}
</fieldset>
<fieldset>
<legend class="h2">{{_ Your application}}</legend>
<div class="form-group{{#ERROR_COVER_LETTER}} form-error{{/ERROR_COVER_LETTER}}">
<label class="form-label" for="cover_letter">{{_ Cover letter}}</label>
<span class="form-hint" id="cover_letter-hint">{{_ Write your cover letter here or attach it as a file below. Do not write your CPR number or information about your health.}}</span>
{{#ERROR_COVER_LETTER}}<span class="form-error-message" id="cover_letter-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_COVER_LETTER}}
<textarea class="form-input input-width-xxl" id="cover_letter" name="cover_letter" rows="10" aria-describedby="cover_letter-hint{{#ERROR_COVER_LETTER}} cover_letter-error{{/ERROR_COVER_LETTER}}">{{VALUE_COVER_LETTER}}</textarea>
</div>
{{#HAS_HELD}}<div class="form-group">
<p class="form-label">{{_ Files you have already attached}}</p>
<ul class="nobullet-list">
{{#HELD}}<li><input type="hidden" name="held" value="{{HANDLE}}">{{KIND}}: {{FILENAME}} ({{SIZE}}) <button type="submit" class="button button-unstyled function-link" name="remove_held" value="{{HANDLE}}">{{_ Remove}}<span class="sr-only"> {{FILENAME}}</span></button></li>
{{/HELD}}</ul>
</div>{{/HAS_HELD}}
{{#FILE_FIELD}}<div class="form-group{{#ERROR}} form-error{{/ERROR}}">
<label class="form-label" for="{{NAME}}">{{LABEL}}</label>
<span class="form-hint" id="{{NAME}}-hint">{{HINT}}</span>
{{#ERROR}}<span class="form-error-message" id="{{NAME}}-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR}}
<input class="form-file-input" type="file" id="{{NAME}}" name="{{NAME}}" accept=".pdf,.docx,.odt,.rtf,.txt,.jpg,.jpeg,.png"{{#MULTIPLE}} multiple{{/MULTIPLE}} aria-describedby="{{NAME}}-hint{{#ERROR}} {{NAME}}-error{{/ERROR}}">
</div>
{{/FILE_FIELD}}
</fieldset>
{{#HAS_QUESTIONS}}<fieldset>
<legend class="h2">{{_ Questions}}</legend>
{{#QUESTION}}<div class="form-group{{#ERROR}} form-error{{/ERROR}}">
{{#CHOICE}}<fieldset aria-describedby="{{FIELD}}-error">
<legend class="form-label">{{TEXT}} <span class="weight-normal">({{_ required}})</span></legend>
{{#ERROR}}<span class="form-error-message" id="{{FIELD}}-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR}}
<ul class="nobullet-list">
{{#OPTION}}<li><input class="{{INPUT_CLASS}}" type="{{INPUT_TYPE}}" id="{{OPTION_ID}}" name="{{FIELD}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{OPTION_ID}}">{{VALUE}}</label></li>
{{/OPTION}}</ul>
</fieldset>{{/CHOICE}}
{{#FREE}}<label class="form-label" for="{{FIELD}}">{{TEXT}} <span class="weight-normal">({{_ required}})</span></label>
{{#ERROR}}<span class="form-error-message" id="{{FIELD}}-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR}}
{{#NUMBER}}<input class="form-input input-width-s" type="text" inputmode="decimal" id="{{FIELD}}" name="{{FIELD}}" value="{{ANSWER}}"{{#ERROR}} aria-describedby="{{FIELD}}-error"{{/ERROR}}>{{/NUMBER}}
{{#TEXT_ANSWER}}<textarea class="form-input input-width-xxl" id="{{FIELD}}" name="{{FIELD}}" rows="3"{{#ERROR}} aria-describedby="{{FIELD}}-error"{{/ERROR}}>{{ANSWER}}</textarea>{{/TEXT_ANSWER}}
{{/FREE}}</div>
{{/QUESTION}}
</fieldset>{{/HAS_QUESTIONS}}
<fieldset>
<legend class="h2">{{_ Consents and rights}}</legend>
<div class="form-group{{#ERROR_CONSENT_PROCESSING}} form-error{{/ERROR_CONSENT_PROCESSING}}">
{{#ERROR_CONSENT_PROCESSING}}<span class="form-error-message" id="consent_processing-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CONSENT_PROCESSING}}
<ul class="nobullet-list">
<li><input class="form-checkbox" type="checkbox" id="consent_processing" name="consent_processing" value="1"{{#CONSENT_PROCESSING}} checked{{/CONSENT_PROCESSING}}><label for="consent_processing">{{_ I consent to the institution processing my application and the personal data in it for this recruitment (required)}}</label></li>
<li><input class="form-checkbox" type="checkbox" id="keep_for_future" name="keep_for_future" value="1"{{#KEEP_FOR_FUTURE}} checked{{/KEEP_FOR_FUTURE}}><label for="keep_for_future">{{_ The institution may keep my application for 12 months for other positions}}</label></li>
<li><input class="form-checkbox" type="checkbox" id="consent_contact" name="consent_contact" value="1"{{#CONSENT_CONTACT}} checked{{/CONSENT_CONTACT}}><label for="consent_contact">{{_ The institution may contact me about future positions}}</label></li>
<li><input class="form-checkbox" type="checkbox" id="priority_access" name="priority_access" value="1" aria-describedby="priority_access-hint"{{#PRIORITY_ACCESS}} checked{{/PRIORITY_ACCESS}}><label for="priority_access">{{_ I have a disability and invoke priority access (fortrinsadgang)}}</label><span class="form-hint" id="priority_access-hint">{{_ If you meet the formal requirements of the position, you will be invited to an interview.}}</span></li>
{{#CIVIL_SERVANT}}<li><input class="form-checkbox" type="checkbox" id="exclude_from_list" name="exclude_from_list" value="1" aria-describedby="exclude_from_list-hint"{{#EXCLUDE_FROM_LIST}} checked{{/EXCLUDE_FROM_LIST}}><label for="exclude_from_list">{{_ Leave my name off the list of applicants}}</label><span class="form-hint" id="exclude_from_list-hint">{{_ For civil-servant positions, a list of the applicants' names may be handed out (tjenestemandsloven § 5, stk. 3).}}</span></li>{{/CIVIL_SERVANT}}
</ul>
</div>
</fieldset>
<div class="form-actions-bar">
<button type="submit" class="button button-primary" name="send" value="1">{{SUBMIT_TEXT}}</button>
</div>
</form>
</div></div>
