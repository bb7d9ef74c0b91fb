{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Applications}}: {{CASE_TITLE}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
<p>{{_ Applications received:}} {{COUNT}} ({{_ of which withdrawn:}} {{WITHDRAWN_COUNT}}). {{_ Every view of an application is logged.}}</p>
<form method="get" action="/cases/{{CASE_ID}}/applications" class="application-search" role="search">
<div class="form-group">
<label class="form-label" for="q">{{_ Search the applications}}</label>
<span class="form-hint" id="q-hint">{{_ Words in the applications and their attachments. Related forms of a word are found too.}}</span>
<input class="form-input input-width-xl" type="search" id="q" name="q" value="{{QUERY}}" aria-describedby="q-hint">
</div>
<button type="submit" class="button button-secondary">{{_ Search}}</button>
</form>
{{>SEARCH_RESULTS}}
{{#NO_APPLICATIONS}}<p>{{_ No applications have been received yet.}}</p>{{/NO_APPLICATIONS}}
{{#HAS_APPLICATIONS}}{{#CAN_SEND_MAIL_FORM}}<form method="get" action="/cases/{{CASE_ID}}/mail" id="mail-form">{{/CAN_SEND_MAIL_FORM}}
<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Applications}}">
<table class="table table--zebra table--responsive-headers">
<caption class="sr-only">{{_ Applications}}</caption>
<thead><tr>{{#CAN_SEND_MAIL_FORM}}<th scope="col"><span class="sr-only">{{_ Choose}}</span></th>{{/CAN_SEND_MAIL_FORM}}<th scope="col">{{_ Reference number}}</th><th scope="col">{{_ Name}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Received}}</th><th scope="col">{{_ Notes}}</th></tr></thead>
<tbody>
{{#APPLICATION}}<tr>{{#SELECTABLE}}<td data-title="{{_ Choose}}"><div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="choose-{{APPLICATION_ID}}" name="application_id" value="{{APPLICATION_ID}}"><label class="form-label" for="choose-{{APPLICATION_ID}}"><span class="sr-only">{{_ Choose}} {{REFERENCE}}</span></label></div></td>{{/SELECTABLE}}<td data-title="{{_ Reference number}}"><a href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}">{{REFERENCE}}</a></td><td data-title="{{_ Name}}">{{NAME}}</td><td data-title="{{_ Status}}">{{STATUS}}</td><td data-title="{{_ Received}}"><time datetime="{{RECEIVED_ISO}}">{{RECEIVED}}</time> ({{CHANNEL}})</td><td data-title="{{_ Notes}}">{{#LATE}}<span class="badge">{{_ After the deadline}}</span> {{/LATE}}{{#KNOCKED_OUT}}<span class="badge">{{_ Knockout answer}}</span> {{/KNOCKED_OUT}}{{#PRIORITY}}<span class="badge">{{_ Priority access}}</span>{{/PRIORITY}}</td></tr>
{{/APPLICATION}}</tbody>
</table>
</div>
{{#CAN_SEND_MAIL}}<fieldset class="mail-controls">
<legend class="h3">{{_ Mail to the chosen applicants}}</legend>
<div class="form-group">
<label class="form-label" for="mail-kind">{{_ Mail}}</label>
<select class="form-select" id="mail-kind" name="kind">
{{#MAIL_KIND}}<option value="{{VALUE}}">{{LABEL}}</option>{{/MAIL_KIND}}
</select>
</div>
<button type="submit" class="button button-secondary">{{_ Write the mail}}</button>
</fieldset>{{/CAN_SEND_MAIL}}
{{#CAN_SEND_MAIL_FORM}}</form>{{/CAN_SEND_MAIL_FORM}}{{/HAS_APPLICATIONS}}
