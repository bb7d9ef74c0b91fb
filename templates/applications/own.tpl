{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-lg-8">
<h1>{{_ Your application}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
{{#HAS_INTERVIEWS}}<div class="alert alert-info"><div class="alert-body"><p class="alert-text">{{_ You are invited to an interview.}} <a href="{{INTERVIEWS_HREF}}">{{_ Book or see your interview time}}</a></p></div></div>{{/HAS_INTERVIEWS}}
<dl>
<dt>{{_ Position}}</dt><dd>{{POSITION_TITLE}} ({{INSTITUTION}})</dd>
<dt>{{_ Reference number}}</dt><dd>{{REFERENCE}}</dd>
<dt>{{_ Status}}</dt><dd><strong id="application-status">{{STATUS}}</strong></dd>
<dt>{{_ Received}}</dt><dd>{{RECEIVED}}</dd>
<dt>{{_ Application deadline}}</dt><dd>{{DEADLINE}}</dd>
</dl>
<h2>{{_ What you sent}}</h2>
<dl>
<dt>{{_ Full name}}</dt><dd>{{NAME}}</dd>
<dt>{{_ E-mail address}}</dt><dd>{{EMAIL}}</dd>
<dt>{{_ Telephone}}</dt><dd>{{PHONE}}</dd>
</dl>
{{#HAS_COVER_LETTER}}<h3>{{_ Cover letter}}</h3>
<div class="application-text">{{COVER_LETTER}}</div>{{/HAS_COVER_LETTER}}
<h3>{{_ Attachments}}</h3>
<ul>
{{#ATTACHMENT}}<li>{{KIND}}: <a href="{{HREF}}">{{FILENAME}}</a></li>
{{/ATTACHMENT}}</ul>
<h3>{{_ Answers}}</h3>
<dl>
{{#ANSWER}}<dt>{{QUESTION}}</dt><dd class="application-text">{{TEXT}}</dd>
{{/ANSWER}}</dl>
<p><a href="{{SELF_PATH}}/export" download>{{_ Download everything we hold about this application (ZIP)}}</a></p>
{{#CAN_CHANGE}}<h2>{{_ Change your application}}</h2>
<p>{{_ Until the deadline you can change your cover letter and answers and send new files.}}</p>
<form method="post" action="{{SELF_PATH}}/content" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_COVER_LETTER}} form-error{{/ERROR_COVER_LETTER}}">
<label class="form-label" for="cover_letter">{{_ Cover letter}}</label>
{{#ERROR_COVER_LETTER}}<span class="form-error-message" id="cover_letter-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_COVER_LETTER}}
<textarea class="form-input input-width-xxl" id="cover_letter" name="cover_letter" rows="8"{{#ERROR_COVER_LETTER}} aria-describedby="cover_letter-error"{{/ERROR_COVER_LETTER}}>{{VALUE_COVER_LETTER}}</textarea>
</div>
{{#QUESTION}}<div class="form-group{{#ERROR}} form-error{{/ERROR}}">
{{#CHOICE}}<fieldset>
<legend class="form-label">{{TEXT}}</legend>
{{#ERROR}}<span class="form-error-message" id="{{FIELD}}-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR}}
<ul class="nobullet-list">
{{#OPTION}}<li><input class="{{INPUT_CLASS}}" type="{{INPUT_TYPE}}" id="{{OPTION_ID}}" name="{{FIELD}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{OPTION_ID}}">{{VALUE}}</label></li>
{{/OPTION}}</ul>
</fieldset>{{/CHOICE}}
{{#FREE}}<label class="form-label" for="{{FIELD}}">{{TEXT}}</label>
{{#ERROR}}<span class="form-error-message" id="{{FIELD}}-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR}}
{{#NUMBER}}<input class="form-input input-width-s" type="text" inputmode="decimal" id="{{FIELD}}" name="{{FIELD}}" value="{{ANSWER}}">{{/NUMBER}}
{{#TEXT_ANSWER}}<textarea class="form-input input-width-xxl" id="{{FIELD}}" name="{{FIELD}}" rows="3">{{ANSWER}}</textarea>{{/TEXT_ANSWER}}
{{/FREE}}</div>
{{/QUESTION}}
<button type="submit" class="button button-primary">{{_ Save the changes}}</button>
</form>
<form method="post" action="{{SELF_PATH}}/files" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_REPLACEMENT}} form-error{{/ERROR_REPLACEMENT}}">
<fieldset><legend class="form-label">{{_ Send a new file}}</legend>
<ul class="nobullet-list">
<li><input class="form-radio" type="radio" id="kind" name="kind" value="cover_letter"><label for="kind">{{_ Cover letter (replaces the one sent)}}</label></li>
<li><input class="form-radio" type="radio" id="kind-cv" name="kind" value="cv" checked><label for="kind-cv">{{_ CV (replaces the one sent)}}</label></li>
<li><input class="form-radio" type="radio" id="kind-other" name="kind" value="other"><label for="kind-other">{{_ Another attachment}}</label></li>
</ul></fieldset>
<label class="form-label" for="replacement">{{_ File}}</label>
{{#ERROR_REPLACEMENT}}<span class="form-error-message" id="replacement-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REPLACEMENT}}
<input class="form-file-input" type="file" id="replacement" name="replacement" accept=".pdf,.docx,.odt,.rtf,.txt,.jpg,.jpeg,.png"{{#ERROR_REPLACEMENT}} aria-describedby="replacement-error"{{/ERROR_REPLACEMENT}}>
</div>
<button type="submit" class="button button-secondary">{{_ Send the file}}</button>
</form>{{/CAN_CHANGE}}
{{#CAN_WITHDRAW}}<h2>{{_ Withdraw your application}}</h2>
<p>{{_ If you no longer want to be considered for the position, you can withdraw your application. It cannot be undone.}}</p>
<form method="post" action="{{SELF_PATH}}/withdraw">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Withdraw my application}}</button>
</form>{{/CAN_WITHDRAW}}
<h2>{{_ Your data}}</h2>
{{#KEPT_FOR_FUTURE}}{{#CONSENT_RENEWED}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{_ Thank you. We keep your application for another year.}}</p></div></div>{{/CONSENT_RENEWED}}
<p>{{_ You have allowed the institution to keep your application for future positions until}} {{KEEP_UNTIL}}. {{_ Then it is deleted, unless you renew the permission.}}</p>
<form method="post" action="{{SELF_PATH}}/consent">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Keep my application another year}}</button>
</form>{{/KEPT_FOR_FUTURE}}
{{#DELETION_REQUESTED}}<p>{{_ You have asked for your application to be deleted. The institution needs it until the position is filled: it is deleted as soon as the case is closed. If you withdraw your application, it is deleted at once.}}</p>{{/DELETION_REQUESTED}}
{{#DELETION_REQUESTED_HIRED}}<p>{{_ You have asked for your application to be deleted. The institution keeps the application of the person it employs with the employment; ask its HR office about your data.}}</p>{{/DELETION_REQUESTED_HIRED}}
{{#CAN_REQUEST_DELETION}}<p>{{_ You can ask for your application and the data in it to be deleted. The institution deletes it when the law allows; a withdrawn application is not considered.}}</p>
<form method="post" action="{{SELF_PATH}}/deletion">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Ask for deletion}}</button>
</form>{{/CAN_REQUEST_DELETION}}
</div></div>
