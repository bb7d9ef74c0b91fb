{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases">{{_ My cases}}</a></p>
<h1>{{TITLE}}</h1>
{{#CAN_SEE_HISTORY}}<p class="case-history-link"><a class="function-link" href="{{HISTORY_LINK}}">{{_ History}}</a></p>{{/CAN_SEE_HISTORY}}
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<dl class="case-facts" id="case-facts">
<dt>{{_ State}}</dt><dd><strong>{{STATE}}</strong></dd>
<dt>{{_ Unit}}</dt><dd>{{UNIT}}</dd>
{{#HAS_CATEGORY}}<dt>{{_ Position category}}</dt><dd>{{CATEGORY}}</dd>{{/HAS_CATEGORY}}
<dt>{{_ Place of work}}</dt><dd>{{PLACE}}</dd>
<dt>{{_ Salary}}</dt><dd>{{SALARY}} {{AGREEMENT}}</dd>
<dt>{{_ Application deadline}}</dt><dd>{{DEADLINE}}</dd>
<dt>{{_ Number of positions}}</dt><dd>{{POSITIONS}}</dd>
<dt>{{_ Ad languages}}</dt><dd>{{LANGUAGES}}</dd>
</dl>
{{#CAN_EDIT}}<p><a class="button button-secondary" href="/cases/{{CASE_ID}}/edit">{{_ Edit the case}}</a></p>{{/CAN_EDIT}}
<h2>{{_ Job ad}}</h2>
{{#AD_COMPLETE}}<p>{{_ The ad states everything a state ad must state.}}</p>{{/AD_COMPLETE}}
{{#AD_PROBLEMS}}<p>{{_ Before publication the ad must state:}}</p>
<ul>
{{#AD_PROBLEM}}<li>{{MESSAGE}}</li>
{{/AD_PROBLEM}}</ul>{{/AD_PROBLEMS}}
<ul class="nobullet-list">
{{#AD_LANGUAGE}}<li>{{LANGUAGE_NAME}}: {{#CAN_EDIT}}<a href="/cases/{{CASE_ID}}/ad?language={{LANGUAGE}}">{{_ Write the ad}}</a> · {{/CAN_EDIT}}<a href="/cases/{{CASE_ID}}/ad/preview?language={{LANGUAGE}}">{{_ Preview}}</a> · <a href="/cases/{{CASE_ID}}/ad/versions?language={{LANGUAGE}}">{{_ Versions}}</a></li>
{{/AD_LANGUAGE}}</ul>
<h2>{{_ Next step}}</h2>
{{#TRANSITION}}<form method="post" action="/cases/{{CASE_ID}}/transition" class="inline-form">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="transition" value="{{VALUE}}">
<button type="submit" class="button {{#PRIMARY}}button-primary{{/PRIMARY}}{{#SECONDARY}}button-secondary{{/SECONDARY}}">{{LABEL}}</button>
</form>
{{/TRANSITION}}
<h2 id="committee">{{_ Hiring committee}}</h2>
{{#NO_MEMBERS}}<p>{{_ The committee has no members yet.}}</p>{{/NO_MEMBERS}}
<ul>
{{#MEMBER}}<li>{{NAME}} ({{EMAIL}}) — {{ROLE}}{{#EXTERNAL}} · {{_ external}}{{/EXTERNAL}}
{{#CAN_REMOVE}}<form method="post" action="/cases/{{CASE_ID}}/committee/remove" class="inline-form">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="user_id" value="{{USER_ID}}"><input type="hidden" name="role" value="{{ROLE_VALUE}}">
<button type="submit" class="button button-secondary button-small">{{_ Remove}}<span class="sr-only"> {{NAME}}</span></button></form>{{/CAN_REMOVE}}</li>
{{/MEMBER}}</ul>
{{#CAN_MANAGE}}<form method="post" action="/cases/{{CASE_ID}}/committee" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset><legend class="h4">{{_ Add a member}}</legend>
<div class="form-group{{#ERROR_USER_ID}} form-error{{/ERROR_USER_ID}}">
<label class="form-label" for="user_id">{{_ Person}}</label>
{{#ERROR_USER_ID}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_USER_ID}}
<select class="form-select" id="user_id" name="user_id">
{{#CANDIDATE}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/CANDIDATE}}</select>
</div>
<div class="form-group">
<label class="form-label" for="role">{{_ Role}}</label>
<select class="form-select" id="role" name="role">
{{#ROLE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
</div>
<button type="submit" class="button button-secondary">{{_ Add member}}</button>
</fieldset>
</form>
<form method="post" action="/cases/{{CASE_ID}}/committee/external" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset><legend class="h4">{{_ Invite an external member}}</legend>
<p class="form-hint">{{_ For example an employee representative without a user account. The account sees only this case and ends when the case is closed.}}</p>
<div class="form-group{{#ERROR_EXTERNAL_NAME}} form-error{{/ERROR_EXTERNAL_NAME}}">
<label class="form-label" for="external_name">{{_ Name}}</label>
{{#ERROR_EXTERNAL_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EXTERNAL_NAME}}
<input class="form-input input-width-xl" type="text" id="external_name" name="external_name">
</div>
<div class="form-group{{#ERROR_EXTERNAL_EMAIL}} form-error{{/ERROR_EXTERNAL_EMAIL}}">
<label class="form-label" for="external_email">{{_ E-mail address}}</label>
{{#ERROR_EXTERNAL_EMAIL}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EXTERNAL_EMAIL}}
<input class="form-input input-width-xl" type="email" id="external_email" name="external_email">
</div>
<div class="form-group">
<label class="form-label" for="external_role">{{_ Role}}</label>
<select class="form-select" id="external_role" name="external_role">
{{#EXTERNAL_ROLE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/EXTERNAL_ROLE_OPTION}}</select>
</div>
<button type="submit" class="button button-secondary">{{_ Send invitation}}</button>
</fieldset>
</form>{{/CAN_MANAGE}}
<h2 id="questions">{{_ Screening questions}}</h2>
<ul>
{{#QUESTION}}<li>{{TEXT}} ({{KIND}}{{#HAS_KNOCKOUT}}; {{_ disqualifying answers:}} {{KNOCKOUTS}}{{/HAS_KNOCKOUT}})
{{#CAN_REMOVE}}<a class="mr-4" href="/cases/{{CASE_ID}}/questions/{{QUESTION_ID}}">{{_ Adapt}}<span class="sr-only"> {{TEXT}}</span></a><form method="post" action="/cases/{{CASE_ID}}/questions/{{QUESTION_ID}}/remove" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary button-small">{{_ Remove}}</button></form>{{/CAN_REMOVE}}</li>
{{/QUESTION}}</ul>
{{#CAN_ADD_QUESTION}}<form method="post" action="/cases/{{CASE_ID}}/questions" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group">
<label class="form-label" for="template_id">{{_ Add a question from the institution's templates}}</label>
<select class="form-select" id="template_id" name="template_id">
{{#QUESTION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/QUESTION_OPTION}}</select>
</div>
<button type="submit" class="button button-secondary">{{_ Add question}}</button>
</form>{{/CAN_ADD_QUESTION}}
{{#CAN_COPY}}<h2>{{_ Copy}}</h2>
<form method="post" action="/cases/{{CASE_ID}}/copy"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary">{{_ Copy the case}}</button></form>{{/CAN_COPY}}
