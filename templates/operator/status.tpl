{{%AUTOESCAPE context="HTML"}}<h1>{{_ Service status}}</h1>
<p class="font-lead">{{_ Announce incidents and service windows on the public status page and in every page's banner, add updates as work goes on, and resolve them. The availability is measured within the service hours.}}</p>
<p><a class="function-link" href="/status">{{_ See the public status page}}</a></p>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<h2>{{_ In force and ahead}}</h2>
{{#NO_OPEN}}<p id="no-open-notices">{{_ No incident or service window is in force or announced.}}</p>{{/NO_OPEN}}
{{#OPEN}}<ul class="nobullet-list" id="open-notices">
{{#NOTICE}}<li id="notice-{{ID}}" class="mb-7">
<h3>{{KIND}}: {{TITLE}}</h3>
<p>{{#IS_CURRENT}}<strong>{{_ In force now.}}</strong>{{/IS_CURRENT}} {{_ From}} {{STARTS}}{{#HAS_ENDS}} {{_ until}} {{ENDS}}{{/HAS_ENDS}}. {{_ Affected:}} {{AFFECTED}}.</p>
{{#HAS_ACTIONS}}<p class="rekrut-pre-line">{{ACTIONS}}</p>{{/HAS_ACTIONS}}
{{#UPDATES}}<ul>{{#UPDATE}}<li><span class="rekrut-nowrap">{{AT}}</span>: <span class="rekrut-pre-line">{{TEXT}}</span></li>{{/UPDATE}}</ul>{{/UPDATES}}
<form method="post" action="/operator/status/{{ID}}/updates" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_TEXT}} form-error{{/ERROR_TEXT}}">
<label class="form-label" for="text-{{ID}}">{{_ Update}}</label>
{{#ERROR_TEXT}}<span class="form-error-message" id="text-{{ID}}-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TEXT}}
<textarea class="form-input input-width-xl" id="text-{{ID}}" name="text" rows="3" maxlength="2000"{{#ERROR_TEXT}} aria-describedby="text-{{ID}}-error"{{/ERROR_TEXT}}>{{VALUE_TEXT}}</textarea>
</div>
<button type="submit" class="button button-secondary">{{_ Add the update}}</button>
</form>
<form method="post" action="/operator/status/{{ID}}/resolve" class="mt-4">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{#IS_INCIDENT}}{{_ Mark as resolved}}{{/IS_INCIDENT}}{{#IS_WINDOW}}{{#IS_CURRENT}}{{_ End the service window}}{{/IS_CURRENT}}{{#NOT_CURRENT}}{{_ Cancel the service window}}{{/NOT_CURRENT}}{{/IS_WINDOW}}</button>
</form>
</li>
{{/NOTICE}}</ul>{{/OPEN}}
<h2>{{_ Announce}}</h2>
<form method="post" action="/operator/status" novalidate id="announce">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset class="form-group{{#ERROR_KIND}} form-error{{/ERROR_KIND}}">
<legend class="form-label">{{_ Kind}}</legend>
{{#ERROR_KIND}}<span class="form-error-message" id="kind-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_KIND}}
<div class="form-group-radio"><input type="radio" class="form-radio" id="kind" name="kind" value="incident"{{#KIND_INCIDENT}} checked{{/KIND_INCIDENT}}><label class="form-label" for="kind">{{_ Incident (something is wrong now)}}</label></div>
<div class="form-group-radio"><input type="radio" class="form-radio" id="kind-window" name="kind" value="service_window"{{#KIND_WINDOW}} checked{{/KIND_WINDOW}}><label class="form-label" for="kind-window">{{_ Service window (planned work, announced ahead)}}</label></div>
</fieldset>
<div class="form-group{{#ERROR_TITLE}} form-error{{/ERROR_TITLE}}">
<label class="form-label" for="title">{{_ Title}}</label>
{{#ERROR_TITLE}}<span class="form-error-message" id="title-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TITLE}}
<input class="form-input input-width-xl" type="text" id="title" name="title" value="{{VALUE_TITLE}}" maxlength="200"{{#ERROR_TITLE}} aria-describedby="title-error"{{/ERROR_TITLE}}>
</div>
<div class="form-group{{#ERROR_AFFECTED}} form-error{{/ERROR_AFFECTED}}">
<label class="form-label" for="affected">{{_ What is affected}}</label>
<span class="form-hint" id="affected-hint">{{_ For example the whole service, the career site or mails to applicants.}}</span>
{{#ERROR_AFFECTED}}<span class="form-error-message" id="affected-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_AFFECTED}}
<input class="form-input input-width-xl" type="text" id="affected" name="affected" value="{{VALUE_AFFECTED}}" maxlength="2000" aria-describedby="affected-hint{{#ERROR_AFFECTED}} affected-error{{/ERROR_AFFECTED}}">
</div>
<div class="form-group{{#ERROR_ACTIONS}} form-error{{/ERROR_ACTIONS}}">
<label class="form-label" for="actions">{{_ Actions taken or work to be done}}</label>
<span class="form-hint" id="actions-hint">{{_ No personal data: the text is public.}}</span>
{{#ERROR_ACTIONS}}<span class="form-error-message" id="actions-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_ACTIONS}}
<textarea class="form-input input-width-xl" id="actions" name="actions" rows="3" maxlength="2000" aria-describedby="actions-hint{{#ERROR_ACTIONS}} actions-error{{/ERROR_ACTIONS}}">{{VALUE_ACTIONS}}</textarea>
</div>
<fieldset class="form-group{{#ERROR_STARTS}} form-error{{/ERROR_STARTS}}">
<legend class="form-label">{{_ Starts (Danish time)}}</legend>
<span class="form-hint" id="starts-hint">{{_ Empty for an incident: now.}}</span>
{{#ERROR_STARTS}}<span class="form-error-message" id="starts-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_STARTS}}
<label class="form-label" for="starts_date">{{_ Date}}</label>
<input class="form-input input-width-s" type="date" id="starts_date" name="starts_date" value="{{VALUE_STARTS_DATE}}" aria-describedby="starts-hint{{#ERROR_STARTS}} starts-error{{/ERROR_STARTS}}">
<label class="form-label" for="starts_time">{{_ Time}}</label>
<input class="form-input input-width-xs" type="time" id="starts_time" name="starts_time" value="{{VALUE_STARTS_TIME}}">
</fieldset>
<fieldset class="form-group{{#ERROR_ENDS}} form-error{{/ERROR_ENDS}}">
<legend class="form-label">{{_ Ends, or expected to be resolved (Danish time)}}</legend>
<span class="form-hint" id="ends-hint">{{_ Required for a service window (at most 7 days); for an incident when known.}}</span>
{{#ERROR_ENDS}}<span class="form-error-message" id="ends-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_ENDS}}
<label class="form-label" for="ends_date">{{_ Date}}</label>
<input class="form-input input-width-s" type="date" id="ends_date" name="ends_date" value="{{VALUE_ENDS_DATE}}" aria-describedby="ends-hint{{#ERROR_ENDS}} ends-error{{/ERROR_ENDS}}">
<label class="form-label" for="ends_time">{{_ Time}}</label>
<input class="form-input input-width-xs" type="time" id="ends_time" name="ends_time" value="{{VALUE_ENDS_TIME}}">
</fieldset>
<button type="submit" class="button button-primary">{{_ Announce}}</button>
</form>
<h2>{{_ Availability}}</h2>
<p>{{_ Minutes of the service hours (08:30–16:00 on Danish working days). A minute counts as down when no node recorded that it could serve; minutes before the first sample, minutes not yet passed and announced service windows are left out.}}</p>
{{#AVAILABILITY}}<div class="table--responsive-scroll"><table class="table table--compact table--zebra" id="availability">
<thead><tr><th scope="col">{{_ Month}}</th><th scope="col">{{_ Availability}}</th><th scope="col">{{_ Target}}</th><th scope="col">{{_ Up}}</th><th scope="col">{{_ Down}}</th><th scope="col">{{_ Service windows}}</th><th scope="col">{{_ Not measured}}</th></tr></thead>
<tbody>
{{#MONTH_ROW}}<tr><th scope="row">{{MONTH}}</th><td>{{#MEASURED}}{{PERCENT}} {{#MEETS_TARGET}}<span class="rekrut-nowrap">({{_ target met}})</span>{{/MEETS_TARGET}}{{#BELOW_TARGET}}<strong class="rekrut-nowrap">({{_ below target}})</strong>{{/BELOW_TARGET}}{{/MEASURED}}{{#NOT_YET_MEASURED}}{{_ not measured}}{{/NOT_YET_MEASURED}}</td><td>{{TARGET}}</td><td>{{UP_MINUTES}}</td><td>{{DOWN_MINUTES}}</td><td>{{WINDOW_MINUTES}}</td><td>{{NOT_MEASURED}}</td></tr>
{{/MONTH_ROW}}</tbody></table></div>{{/AVAILABILITY}}
<h2>{{_ The last 90 days}}</h2>
{{#NO_HISTORY}}<p>{{_ Nothing has happened in the last 90 days.}}</p>{{/NO_HISTORY}}
{{#HISTORY}}<ul class="nobullet-list" id="history">
{{#NOTICE}}<li class="mb-5"><strong>{{KIND}}: {{TITLE}}</strong> — {{_ From}} {{STARTS}}{{#HAS_UNTIL}} {{_ until}} {{UNTIL}}{{/HAS_UNTIL}}. {{_ Affected:}} {{AFFECTED}}.{{#IS_CANCELLED}} <strong>{{_ Cancelled.}}</strong>{{/IS_CANCELLED}}</li>
{{/NOTICE}}</ul>{{/HISTORY}}
