{{%AUTOESCAPE context="HTML"}}<h1>{{_ Audit trail}}</h1>
<p class="font-lead">{{_ Who changed what, and when: logins, users, rights and every change of data.}}</p>
{{#ACCESS_LOG}}<h2>{{_ The platform operator's access to your institution}}</h2>
<p>{{_ The operator can be given time-limited access to your institution's data for maintenance. Every access is listed here, and everything done under it is in the audit trail below.}}</p>
<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{_ The platform operator's access to your institution}}"><table class="table table--compact" id="operator-access">
<thead><tr><th scope="col">{{_ Operator}}</th><th scope="col">{{_ Reason}}</th><th scope="col">{{_ From}}</th><th scope="col">{{_ Expires}}</th><th scope="col">{{_ State}}</th></tr></thead>
<tbody>
{{#ACCESS}}<tr><td>{{OPERATOR}}</td><td>{{REASON}}</td><td>{{STARTS}}</td><td>{{EXPIRES}}</td><td>{{STATE}}{{#WAS_ENDED}} {{ENDED}}{{/WAS_ENDED}}</td></tr>
{{/ACCESS}}</tbody>
</table></div>{{/ACCESS_LOG}}
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
<div class="form-group">
<label class="form-label" for="object_type">{{_ Object type}}</label>
<span class="form-hint" id="object_type-hint">{{_ For example user, institution or operator_access.}}</span>
<input class="form-input input-width-l" type="text" id="object_type" name="object_type" value="{{VALUE_OBJECT_TYPE}}" aria-describedby="object_type-hint">
</div>
<div class="form-group">
<label class="form-label" for="object_id">{{_ Object ID}}</label>
<input class="form-input input-width-s" type="text" id="object_id" name="object_id" value="{{VALUE_OBJECT_ID}}">
</div>
<div class="form-group">
<label class="form-label" for="action">{{_ Action}}</label>
<span class="form-hint" id="action-hint">{{_ For example login.failed, user.created or role.granted.}}</span>
<input class="form-input input-width-l" type="text" id="action" name="action" value="{{VALUE_ACTION}}" aria-describedby="action-hint">
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
<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{_ Events}}"><table class="table table--compact table--zebra" id="audit-events">
<thead><tr><th scope="col">{{_ Time}}</th><th scope="col">{{_ User}}</th>{{#INSTITUTION_HEADING}}<th scope="col">{{_ Institution}}</th>{{/INSTITUTION_HEADING}}<th scope="col">{{_ Action}}</th><th scope="col">{{_ Object}}</th><th scope="col">{{_ Before → after}}</th><th scope="col">{{_ Request ID}}</th><th scope="col">{{_ IP address}}</th></tr></thead>
<tbody>
{{#EVENT}}<tr data-event-id="{{ID}}"><td><time datetime="{{TIME_ISO}}">{{TIME}}</time></td><td>{{ACTOR}}{{#HAS_ACTOR_ID}} <span class="form-hint">#{{ACTOR_ID}}</span>{{/HAS_ACTOR_ID}}</td>{{#INSTITUTION_CELL}}<td>{{INSTITUTION}}</td>{{/INSTITUTION_CELL}}<td><code>{{ACTION}}</code></td><td>{{OBJECT_TYPE}} {{OBJECT_ID}}</td><td><code class="audit-before">{{BEFORE}}</code> → <code class="audit-after">{{AFTER}}</code></td><td><code>{{REQUEST_ID}}</code></td><td>{{IP}}</td></tr>
{{/EVENT}}</tbody>
</table></div>
<nav class="mt-4" aria-label="{{_ Pages}}"><p>{{_ Page}} {{PAGE}} {{_ of}} {{PAGES}}</p>
<ul class="nobullet-list">
{{#PREVIOUS}}<li><a rel="prev" class="function-link" href="{{PREVIOUS_LINK}}">{{_ Previous page}}</a></li>{{/PREVIOUS}}
{{#NEXT}}<li><a rel="next" class="function-link" href="{{NEXT_LINK}}">{{_ Next page}}</a></li>{{/NEXT}}
</ul></nav>{{/RESULTS}}
