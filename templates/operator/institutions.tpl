{{%AUTOESCAPE context="HTML"}}<h1>{{_ Institutions}}</h1>
<p class="font-lead">{{_ The institutions that use Rekrut. Create an institution, then its first Superbruger.}}</p>
<ul class="nobullet-list">
<li><a class="function-link" href="/operator/role-requests">{{_ Superbruger requests}}</a></li>
<li><a class="function-link" href="/operator/outbox">{{_ Outgoing mail}}</a></li>
<li><a class="function-link" href="/operator/offboarding">{{_ Off-boarding of institutions}}</a></li>
<li><a class="function-link" href="/operator/access">{{_ Access to an institution}}</a></li>
<li><a class="function-link" href="/operator/status">{{_ Service status}}</a></li>
<li><a class="function-link" href="/operator/controls">{{_ Operator controls}}</a></li>
<li><a class="function-link" href="/audit">{{_ Audit trail}}</a></li>
</ul>
{{#NO_INSTITUTIONS}}<p>{{_ There are no institutions yet.}}</p>{{/NO_INSTITUTIONS}}
{{#INSTITUTIONS}}<div class="table--responsive-scroll"><table class="table table--compact table--zebra" id="institutions">
<thead><tr><th scope="col">{{_ Name}}</th><th scope="col">{{_ CVR number}}</th><th scope="col">{{_ Address}}</th></tr></thead>
<tbody>
{{#INSTITUTION}}<tr><td><a href="/operator/institutions/{{ID}}">{{NAME}}</a>{{#OFFBOARDED}} <span class="badge">{{_ Off-boarded}}</span>{{/OFFBOARDED}}</td><td>{{CVR}}</td><td>{{ADDRESS}}</td></tr>
{{/INSTITUTION}}</tbody>
</table></div>{{/INSTITUTIONS}}
<h2>{{_ Create an institution}}</h2>
{{>ERROR_SUMMARY}}
<form method="post" action="/operator/institutions" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_CVR}} form-error{{/ERROR_CVR}}">
<label class="form-label" for="cvr">{{_ CVR number}}</label>
<span class="form-hint" id="cvr-hint">{{_ 8 digits.}}</span>
{{#ERROR_CVR}}<span class="form-error-message" id="cvr-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CVR}}
<input class="form-input input-width-s" type="text" inputmode="numeric" id="cvr" name="cvr" value="{{VALUE_CVR}}" maxlength="8" aria-describedby="cvr-hint">
</div>
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name}}</label>
{{#ERROR_NAME}}<span class="form-error-message" id="name-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" value="{{VALUE_NAME}}"{{#ERROR_NAME}} aria-describedby="name-error"{{/ERROR_NAME}}>
</div>
<div class="form-group">
<label class="form-label" for="address">{{_ Address}}</label>
<input class="form-input input-width-xl" type="text" id="address" name="address" value="{{VALUE_ADDRESS}}" autocomplete="street-address">
</div>
<button type="submit" class="button button-primary">{{_ Create institution}}</button>
</form>
