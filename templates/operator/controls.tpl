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
