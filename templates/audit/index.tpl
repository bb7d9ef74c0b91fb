{{%AUTOESCAPE context="HTML"}}<h1>{{_ Audit trail}}</h1>
<p class="font-lead">{{_ Who changed what, and when: logins, users, rights and every change of data.}}</p>
{{#CAN_SEE_READS}}<p><a class="function-link" href="/audit/access">{{_ Access log: who opened which application}}</a></p>{{/CAN_SEE_READS}}
{{#ACCESS_LOG}}<h2>{{_ The platform operator's access to your institution}}</h2>
<p>{{_ The operator can be given time-limited access to your institution's data for maintenance. Every access is listed here, and everything done under it is in the audit trail below.}}</p>
<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{_ The platform operator's access to your institution}}"><table class="table table--compact" id="operator-access">
<thead><tr><th scope="col">{{_ Operator}}</th><th scope="col">{{_ Reason}}</th><th scope="col">{{_ From}}</th><th scope="col">{{_ Expires}}</th><th scope="col">{{_ State}}</th></tr></thead>
<tbody>
{{#ACCESS}}<tr><td>{{OPERATOR}}</td><td>{{REASON}}</td><td>{{STARTS}}</td><td>{{EXPIRES}}</td><td>{{STATE}}{{#WAS_ENDED}} {{ENDED}}{{/WAS_ENDED}}</td></tr>
{{/ACCESS}}</tbody>
</table></div>{{/ACCESS_LOG}}
{{#HISTORY}}<p class="font-lead" id="audit-history">{{_ History of}} {{OBJECT_TYPE}}: {{#HAS_LINK}}<a href="{{LINK}}">{{OBJECT_NAME}}</a>{{/HAS_LINK}}{{#NO_LINK}}{{OBJECT_NAME}}{{/NO_LINK}}</p>{{/HISTORY}}
<h2>{{_ Find events}}</h2>
{{>ERROR_SUMMARY}}
<form method="get" action="/audit" id="audit-filter" novalidate>
{{#INSTITUTION_FILTER}}<div class="form-group{{#ERROR_INSTITUTION}} form-error{{/ERROR_INSTITUTION}}">
<label class="form-label" for="institution">{{_ Institution}}</label>
{{#ERROR_INSTITUTION}}<span class="form-error-message" id="institution-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_INSTITUTION}}
<select class="form-select" id="institution" name="institution">
<option value="">{{_ All institutions}}</option>
{{#INSTITUTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/INSTITUTION_OPTION}}</select>
</div>{{/INSTITUTION_FILTER}}
<div class="form-group{{#ERROR_USER}} form-error{{/ERROR_USER}}">
<label class="form-label" for="user">{{_ User}}</label>
{{#ERROR_USER}}<span class="form-error-message" id="user-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_USER}}
<select class="form-select" id="user" name="user">
<option value="">{{_ All users}}</option>
{{#USER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/USER_OPTION}}</select>
</div>
<div class="form-group{{#ERROR_OBJECT_TYPE}} form-error{{/ERROR_OBJECT_TYPE}}">
<label class="form-label" for="object_type">{{_ Object type}}</label>
{{#ERROR_OBJECT_TYPE}}<span class="form-error-message" id="object_type-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_OBJECT_TYPE}}
<select class="form-select" id="object_type" name="object_type">
<option value="">{{_ All object types}}</option>
{{#OBJECT_TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OBJECT_TYPE_OPTION}}</select>
</div>
<div class="form-group{{#ERROR_OBJECT_ID}} form-error{{/ERROR_OBJECT_ID}}">
<label class="form-label" for="object_id">{{_ Object number}}</label>
<span class="form-hint" id="object_id-hint">{{_ Only events about one object, for example case number 12. A record's page links to its history.}}</span>
{{#ERROR_OBJECT_ID}}<span class="form-error-message" id="object_id-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_OBJECT_ID}}
<input class="form-input input-width-s" type="text" inputmode="numeric" id="object_id" name="object_id" value="{{VALUE_OBJECT_ID}}" aria-describedby="object_id-hint{{#ERROR_OBJECT_ID}} object_id-error{{/ERROR_OBJECT_ID}}">
</div>
<div class="form-group{{#ERROR_ACTION}} form-error{{/ERROR_ACTION}}">
<label class="form-label" for="action">{{_ Action}}</label>
{{#ERROR_ACTION}}<span class="form-error-message" id="action-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_ACTION}}
<select class="form-select" id="action" name="action">
<option value="">{{_ All actions}}</option>
{{#ACTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ACTION_OPTION}}</select>
</div>
<div class="form-group{{#ERROR_FROM}} form-error{{/ERROR_FROM}}">
<label class="form-label" for="from">{{_ From date}}</label>
{{#ERROR_FROM}}<span class="form-error-message" id="from-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_FROM}}
<input class="form-input input-width-s" type="date" id="from" name="from" value="{{VALUE_FROM}}"{{#ERROR_FROM}} aria-describedby="from-error"{{/ERROR_FROM}}>
</div>
<div class="form-group{{#ERROR_TO}} form-error{{/ERROR_TO}}">
<label class="form-label" for="to">{{_ To date (inclusive)}}</label>
{{#ERROR_TO}}<span class="form-error-message" id="to-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TO}}
<input class="form-input input-width-s" type="date" id="to" name="to" value="{{VALUE_TO}}"{{#ERROR_TO}} aria-describedby="to-error"{{/ERROR_TO}}>
</div>
<button type="submit" class="button button-primary">{{_ Show events}}</button>
<a class="button button-secondary" href="/audit">{{_ Clear filters}}</a>
</form>
{{#NO_EVENTS}}<p class="mt-6">{{_ No events match the filters.}}</p>{{/NO_EVENTS}}
{{#RESULTS}}<h2>{{_ Events}}</h2>
<p id="event-count">{{_ Events}} {{FIRST}}–{{LAST}} {{_ of}} {{TOTAL}}</p>
<p><a class="function-link" href="{{EXPORT_LINK}}" download>{{_ Export the events to a spreadsheet (CSV)}}</a></p>
<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{_ Events}}"><table class="table table--compact table--zebra audit-events" id="audit-events">
<thead><tr><th scope="col">{{_ Time}}</th><th scope="col">{{_ User}}</th>{{#INSTITUTION_HEADING}}<th scope="col">{{_ Institution}}</th>{{/INSTITUTION_HEADING}}<th scope="col">{{_ Action}}</th><th scope="col">{{_ Object}}</th><th scope="col">{{_ Details}}</th></tr></thead>
<tbody>
{{#EVENT}}<tr data-event-id="{{ID}}"><td><time datetime="{{TIME_ISO}}">{{TIME}}</time></td><td>{{ACTOR}}</td>{{#INSTITUTION_CELL}}<td>{{INSTITUTION}}</td>{{/INSTITUTION_CELL}}<td class="audit-action" data-action="{{ACTION_CODE}}">{{ACTION}}</td><td class="audit-object">{{OBJECT_TYPE}}{{#OBJECT_NAMED}}: {{#OBJECT_LINKED}}<a href="{{OBJECT_LINK}}">{{OBJECT_NAME}}</a>{{/OBJECT_LINKED}}{{#OBJECT_PLAIN}}{{OBJECT_NAME}}{{/OBJECT_PLAIN}}{{/OBJECT_NAMED}}{{#OBJECT_NUMBERED}} {{OBJECT_ID}}{{/OBJECT_NUMBERED}}</td>
<td class="audit-details"><details><summary>{{_ Show details}}</summary>
{{#CHANGES}}<table class="table table--compact audit-changes">
<thead><tr><th scope="col">{{_ Field}}</th><th scope="col">{{_ Before}}</th><th scope="col">{{_ After}}</th></tr></thead>
<tbody>{{#CHANGE}}<tr data-field="{{FIELD_CODE}}"><th scope="row">{{FIELD}}</th><td class="audit-before">{{BEFORE}}</td><td class="audit-after">{{AFTER}}</td></tr>{{/CHANGE}}</tbody>
</table>{{/CHANGES}}
<dl class="audit-origin"><dt>{{_ Request ID}}</dt><dd class="audit-request-id"><code>{{REQUEST_ID}}</code></dd><dt>{{_ IP address}}</dt><dd class="audit-ip">{{IP}}</dd>{{#HAS_ACTOR_ID}}<dt>{{_ User ID}}</dt><dd>{{ACTOR_ID}}</dd>{{/HAS_ACTOR_ID}}</dl>
{{#OBJECT_HISTORY}}<p><a class="function-link" href="{{HISTORY_LINK}}">{{_ Every event about this object}}</a></p>{{/OBJECT_HISTORY}}
</details></td></tr>
{{/EVENT}}</tbody>
</table></div>
<nav class="mt-4" aria-label="{{_ Pages}}"><p>{{_ Page}} {{PAGE}} {{_ of}} {{PAGES}}</p>
<ul class="nobullet-list">
{{#PREVIOUS}}<li><a rel="prev" class="function-link" href="{{PREVIOUS_LINK}}">{{_ Previous page}}</a></li>{{/PREVIOUS}}
{{#NEXT}}<li><a rel="next" class="function-link" href="{{NEXT_LINK}}">{{_ Next page}}</a></li>{{/NEXT}}
</ul></nav>{{/RESULTS}}
