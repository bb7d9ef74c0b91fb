{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases">{{CASES_LABEL}}</a></p>
<h1>{{TITLE}}</h1>
<p class="case-state">{{_ State}}: <strong id="case-state">{{STATE}}</strong></p>
{{#CAN_SEE_HISTORY}}<p class="case-history-link"><a class="function-link" href="{{HISTORY_LINK}}">{{_ History}}</a></p>{{/CAN_SEE_HISTORY}}
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
{{#IS_CANCELLED}}<div class="alert alert-warning"><div class="alert-body"><p class="alert-text">{{_ This case has been cancelled. It can no longer be changed.}}</p></div></div>{{/IS_CANCELLED}}
{{#HAS_LIFECYCLE}}<h2 id="lifecycle">{{_ Progress}}</h2>
{{>STEP_INDICATOR}}{{/HAS_LIFECYCLE}}
{{#HAS_NEXT}}<section class="next-steps" aria-labelledby="next-step">
<h2 id="next-step">{{_ Next step}}</h2>
{{#TRANSITION}}<form method="post" action="/cases/{{CASE_ID}}/transition" class="inline-form">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="transition" value="{{VALUE}}">
<button type="submit" class="button {{#PRIMARY}}button-primary{{/PRIMARY}}{{#SECONDARY}}button-secondary{{/SECONDARY}}">{{LABEL}}</button>
</form>
{{/TRANSITION}}{{#BLOCKED}}<div class="blocked-step">
<p><strong>{{LABEL}}</strong>: {{EXPLANATION}}</p>
{{#HAS_MISSING}}<ul>
{{#MISSING}}<li><a href="{{HREF}}">{{MESSAGE}}</a></li>
{{/MISSING}}</ul>{{/HAS_MISSING}}
</div>
{{/BLOCKED}}{{#DECISION_STEP}}<p><a class="button button-primary" href="/cases/{{CASE_ID}}/decision">{{_ Go to the hiring decision}}</a></p>{{/DECISION_STEP}}
{{#CANCEL_BY_REQUEST}}<p class="cancel-step"><a class="button button-secondary" href="/cases/{{CASE_ID}}/decision#cancel">{{_ Ask for the case to be cancelled}}</a></p>{{/CANCEL_BY_REQUEST}}
{{#CAN_CANCEL}}<p class="cancel-step"><a class="button button-secondary" href="/cases/{{CASE_ID}}/cancel" data-module="modal" data-target="confirm-cancel">{{_ Cancel the case}}</a></p>{{/CAN_CANCEL}}
</section>{{/HAS_NEXT}}
<section id="case-facts" aria-labelledby="case-facts-heading">
<h2 id="case-facts-heading">{{_ About the case}}</h2>
{{#SUMMARY_GROUPS}}{{>SUMMARY_GROUP}}{{/SUMMARY_GROUPS}}
</section>
{{#HAS_APPLICATIONS_SECTION}}<section aria-labelledby="applications">
<h2 id="applications">{{_ Applications}}</h2>
{{#MUST_DECLARE}}<p>{{_ Before you see the applications, declare for each applicant whether you have a conflict of interest.}}</p>
<p><a class="button button-primary" href="/cases/{{CASE_ID}}/declarations">{{_ Declare conflicts of interest}}</a></p>{{/MUST_DECLARE}}
{{#MAY_SEE_APPLICATIONS}}<p>{{_ Applications received:}} <strong id="application-count">{{APPLICATION_COUNT}}</strong>{{#HAS_WITHDRAWN}} ({{_ of which withdrawn:}} {{WITHDRAWN_COUNT}}){{/HAS_WITHDRAWN}}</p>
<ul class="nobullet-list">
<li><a href="/cases/{{CASE_ID}}/applications">{{_ See the applications}}</a></li>
<li><a href="/cases/{{CASE_ID}}/screening">{{_ Screening methods}}</a></li>
{{#CAN_SEE_DECLARATIONS}}<li><a href="/cases/{{CASE_ID}}/conflicts">{{_ Declarations of conflict of interest}}</a></li>{{/CAN_SEE_DECLARATIONS}}
{{#CAN_REGISTER}}<li><a href="/cases/{{CASE_ID}}/applications/new">{{_ Register an application received by post or e-mail}}</a></li>
<li><a href="/cases/{{CASE_ID}}/email-templates">{{_ The case's e-mail templates}}</a>{{#HAS_OWN_TEMPLATES}} ({{_ own texts:}} {{OWN_TEMPLATES}}){{/HAS_OWN_TEMPLATES}}</li>{{/CAN_REGISTER}}
{{#CAN_RANK}}<li><a href="/cases/{{CASE_ID}}/rankings">{{_ Ranking lists}}</a></li>{{/CAN_RANK}}
{{#HAS_DECISION_PAGE}}<li><a href="/cases/{{CASE_ID}}/decision">{{_ Hiring decision}}</a></li>{{/HAS_DECISION_PAGE}}
<li><a href="/cases/{{CASE_ID}}/interviews">{{_ Interviews}}</a></li>
</ul>{{/MAY_SEE_APPLICATIONS}}
</section>{{/HAS_APPLICATIONS_SECTION}}
<section aria-labelledby="ad">
<h2 id="ad">{{_ Job ad}}</h2>
{{#AD_COMPLETE}}<p>{{_ The ad states everything a state ad must state.}}</p>{{/AD_COMPLETE}}
{{#AD_PROBLEMS}}<p>{{_ Before publication the ad must state:}}</p>
<ul>
{{#AD_PROBLEM}}<li>{{MESSAGE}}</li>
{{/AD_PROBLEM}}</ul>{{/AD_PROBLEMS}}
<ul class="nobullet-list">
{{#AD_LANGUAGE}}<li>{{LANGUAGE_NAME}}: {{#CAN_EDIT}}<a href="/cases/{{CASE_ID}}/ad?language={{LANGUAGE}}">{{_ Write the ad}}</a> · {{/CAN_EDIT}}{{#CAN_CORRECT}}<a href="/cases/{{CASE_ID}}/ad?language={{LANGUAGE}}">{{_ Correct the published ad}}</a> · {{/CAN_CORRECT}}<a href="/cases/{{CASE_ID}}/ad/preview?language={{LANGUAGE}}">{{_ Preview}}</a> · <a href="/cases/{{CASE_ID}}/ad/versions?language={{LANGUAGE}}">{{_ Versions}}</a></li>
{{/AD_LANGUAGE}}</ul>
{{#CAN_CORRECT_CASE}}<p><a href="/cases/{{CASE_ID}}/correction">{{_ Move the deadline or change the contact persons}}</a></p>{{/CAN_CORRECT_CASE}}
{{#JOBNET}}<h3 id="jobnet">{{_ Jobnet}}</h3>
<dl class="jobnet-status" data-status="{{STATUS}}">
<dt>{{_ Status}}</dt><dd>{{STATUS_TEXT}}</dd>
{{#HAS_REASON}}<dt>{{_ Jobnet's reason}}</dt><dd>{{REASON}}</dd>{{/HAS_REASON}}
{{#HAS_ERROR}}<dt>{{_ Last error}}</dt><dd>{{ERROR}}</dd>{{/HAS_ERROR}}
{{#HAS_NEXT}}<dt>{{_ Next attempt}}</dt><dd>{{NEXT}}</dd>{{/HAS_NEXT}}
{{#HAS_JOBNET_ID}}<dt>{{_ Jobnet's ad id}}</dt><dd>{{JOBNET_ID}}</dd>{{/HAS_JOBNET_ID}}
<dt>{{_ Language sent}}</dt><dd>{{LANGUAGE}}</dd>
{{#HAS_SENT}}<dt>{{_ Last sent}}</dt><dd>{{SENT}} ({{OPERATION}})</dd>{{/HAS_SENT}}
</dl>
{{#NEEDS_CORRECTION}}<p>{{_ Correct the ad and it is sent to Jobnet again.}}</p>{{/NEEDS_CORRECTION}}
{{/JOBNET}}
</section>
<section aria-labelledby="committee">
<h2 id="committee">{{_ Hiring committee}}</h2>
{{#NO_MEMBERS}}<p>{{_ The committee has no members yet.}}</p>{{/NO_MEMBERS}}
{{#HAS_MEMBERS}}<ul class="committee-list">
{{#MEMBER}}<li>{{NAME}} ({{EMAIL}}) — {{ROLE}}{{#EXTERNAL}} · {{_ external}}{{/EXTERNAL}}
{{#CAN_REMOVE}} <a class="button button-secondary button-small" href="/cases/{{CASE_ID}}/committee/remove?user_id={{USER_ID}}&amp;role={{ROLE_VALUE}}" data-module="modal" data-target="confirm-remove-{{USER_ID}}-{{ROLE_VALUE}}">{{_ Remove}}<span class="sr-only"> {{NAME}}</span></a>{{/CAN_REMOVE}}</li>
{{/MEMBER}}</ul>{{/HAS_MEMBERS}}
{{#CAN_MANAGE}}<details class="details"{{#OPEN_ADD}} open{{/OPEN_ADD}}>
<summary class="details-summary">{{_ Add a member}}</summary>
<div class="details-text">
<form method="post" action="/cases/{{CASE_ID}}/committee" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_USER_ID}} form-error{{/ERROR_USER_ID}}">
<label class="form-label" for="user_id">{{_ Person}}</label>
{{#ERROR_USER_ID}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_USER_ID}}
<select class="form-select select-whole" id="user_id" name="user_id">
{{#CANDIDATE}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/CANDIDATE}}</select>
</div>
<div class="form-group{{#ERROR_ROLE}} form-error{{/ERROR_ROLE}}">
<label class="form-label" for="role">{{_ Role}}</label>
{{#ERROR_ROLE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_ROLE}}
<select class="form-select" id="role" name="role">
{{#ROLE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
</div>
<button type="submit" class="button button-secondary">{{_ Add member}}</button>
</form>
</div>
</details>
<details class="details"{{#OPEN_EXTERNAL}} open{{/OPEN_EXTERNAL}}>
<summary class="details-summary">{{_ Invite an external member}}</summary>
<div class="details-text">
<form method="post" action="/cases/{{CASE_ID}}/committee/external" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<p class="form-hint">{{_ For example an employee representative without a user account. The account sees only this case and ends when the case is closed.}}</p>
<div class="form-group{{#ERROR_EXTERNAL_NAME}} form-error{{/ERROR_EXTERNAL_NAME}}">
<label class="form-label" for="external_name">{{_ Name}}</label>
{{#ERROR_EXTERNAL_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EXTERNAL_NAME}}
<input class="form-input input-width-xl" type="text" id="external_name" name="external_name" value="{{VALUE_EXTERNAL_NAME}}">
</div>
<div class="form-group{{#ERROR_EXTERNAL_EMAIL}} form-error{{/ERROR_EXTERNAL_EMAIL}}">
<label class="form-label" for="external_email">{{_ E-mail address}}</label>
{{#ERROR_EXTERNAL_EMAIL}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EXTERNAL_EMAIL}}
<input class="form-input input-width-xl" type="email" id="external_email" name="external_email" value="{{VALUE_EXTERNAL_EMAIL}}">
</div>
<div class="form-group{{#ERROR_EXTERNAL_ROLE}} form-error{{/ERROR_EXTERNAL_ROLE}}">
<label class="form-label" for="external_role">{{_ Role}}</label>
{{#ERROR_EXTERNAL_ROLE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EXTERNAL_ROLE}}
<select class="form-select" id="external_role" name="external_role">
{{#EXTERNAL_ROLE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/EXTERNAL_ROLE_OPTION}}</select>
</div>
<button type="submit" class="button button-secondary">{{_ Send invitation}}</button>
</form>
</div>
</details>{{/CAN_MANAGE}}
</section>
{{#HAS_QUESTIONS_SECTION}}<section aria-labelledby="questions">
<h2 id="questions">{{_ Screening questions}}</h2>
{{#NO_QUESTIONS}}<p>{{_ The case has no screening questions.}}</p>{{/NO_QUESTIONS}}
{{#HAS_QUESTIONS}}<ul>
{{#QUESTION}}<li>{{TEXT}} ({{KIND}}{{#HAS_KNOCKOUT}}; {{_ disqualifying answers:}} {{KNOCKOUTS}}{{/HAS_KNOCKOUT}})
{{#CAN_REMOVE}}<a class="mr-4" href="/cases/{{CASE_ID}}/questions/{{QUESTION_ID}}">{{_ Adapt}}<span class="sr-only"> {{TEXT}}</span></a><form method="post" action="/cases/{{CASE_ID}}/questions/{{QUESTION_ID}}/remove" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary button-small">{{_ Remove}}<span class="sr-only"> {{TEXT}}</span></button></form>{{/CAN_REMOVE}}</li>
{{/QUESTION}}</ul>{{/HAS_QUESTIONS}}
{{#CAN_ADD_QUESTION}}<details class="details"{{#OPEN_QUESTION}} open{{/OPEN_QUESTION}}>
<summary class="details-summary">{{_ Add a question}}</summary>
<div class="details-text">
<form method="post" action="/cases/{{CASE_ID}}/questions" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_TEMPLATE_ID}} form-error{{/ERROR_TEMPLATE_ID}}">
<label class="form-label" for="template_id">{{_ Add a question from the institution's templates}}</label>
{{#ERROR_TEMPLATE_ID}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TEMPLATE_ID}}
<select class="form-select select-whole" id="template_id" name="template_id">
{{#QUESTION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/QUESTION_OPTION}}</select>
</div>
<button type="submit" class="button button-secondary">{{_ Add question}}</button>
</form>
</div>
</details>{{/CAN_ADD_QUESTION}}
</section>{{/HAS_QUESTIONS_SECTION}}
{{#CAN_COPY}}<section aria-labelledby="copy">
<h2 id="copy">{{_ Copy}}</h2>
<form method="post" action="/cases/{{CASE_ID}}/copy"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary">{{_ Copy the case}}</button></form>
</section>{{/CAN_COPY}}
{{#CONFIRM_MODALS}}{{>CONFIRM_MODAL}}{{/CONFIRM_MODALS}}
