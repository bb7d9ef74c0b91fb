{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Applications}}: {{CASE_TITLE}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{#HAS_CHANGED}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{_ Applications whose status changed:}} {{CHANGED}}. {{_ Left unchanged (their status does not allow it):}} {{REFUSED}}.</p></div></div>{{/HAS_CHANGED}}
{{>ERROR_SUMMARY}}
<p>{{_ Applications shown:}} <strong id="application-total">{{COUNT}}</strong>. {{_ Every view of an application is logged.}}</p>
<form method="get" action="/cases/{{CASE_ID}}/applications" class="application-filters" aria-labelledby="filter-heading">
<h2 id="filter-heading" class="h3">{{_ Filter and sort}}</h2>
<div class="filter-row">
<div class="form-group">
<label class="form-label" for="filter-status">{{_ Status}}</label>
<select class="form-select" id="filter-status" name="status">
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
</select>
</div>
{{#KNOCKOUT_FILTER}}<div class="form-group">
<label class="form-label" for="filter-knockout">{{_ Knockout screening}}</label>
<select class="form-select" id="filter-knockout" name="knockout">
{{#KNOCKOUT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KNOCKOUT_OPTION}}
</select>
</div>{{/KNOCKOUT_FILTER}}
{{#MARK_FILTER}}<div class="form-group">
<label class="form-label" for="filter-mark">{{_ My mark}}</label>
<select class="form-select" id="filter-mark" name="mark">
{{#MARK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MARK_OPTION}}
</select>
</div>{{/MARK_FILTER}}
{{#TAG_FILTER}}<div class="form-group">
<label class="form-label" for="filter-tag">{{_ Tag}}</label>
<select class="form-select" id="filter-tag" name="tag">
{{#TAG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TAG_OPTION}}
</select>
</div>{{/TAG_FILTER}}
<div class="form-group">
<label class="form-label" for="filter-sort">{{_ Sort by}}</label>
<select class="form-select" id="filter-sort" name="sort">
{{#SORT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_OPTION}}
</select>
</div>
</div>
<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="filter-priority" name="priority" value="yes"{{#PRIORITY_CHECKED}} checked{{/PRIORITY_CHECKED}}><label class="form-label" for="filter-priority">{{_ Only applicants who invoke priority access}}</label></div>
<button type="submit" class="button button-secondary">{{_ Show}}</button>
</form>
<form method="get" action="/cases/{{CASE_ID}}/applications" class="application-search" role="search">
<div class="form-group">
<label class="form-label" for="q">{{_ Search the applications}}</label>
<span class="form-hint" id="q-hint">{{_ Words in the applications and their attachments. Related forms of a word are found too.}}</span>
<input class="form-input input-width-xl" type="search" id="q" name="q" value="{{QUERY}}" aria-describedby="q-hint">
</div>
<button type="submit" class="button button-secondary">{{_ Search}}</button>
</form>
{{>SEARCH_RESULTS}}
{{#NO_APPLICATIONS}}<p>{{_ No applications match.}}</p>{{/NO_APPLICATIONS}}
{{#HAS_APPLICATIONS}}{{#BULK_FORM}}<form method="post" action="/cases/{{CASE_ID}}/applications/bulk" id="mail-form">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">{{/BULK_FORM}}
<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Applications}}">
<table class="table table--zebra table--responsive-headers">
<caption class="sr-only">{{_ Applications}}</caption>
<thead><tr>{{#BULK_FORM}}<th scope="col"><span class="sr-only">{{_ Choose}}</span></th>{{/BULK_FORM}}<th scope="col">{{_ Reference number}}</th><th scope="col">{{_ Name}}</th><th scope="col">{{_ Status}}</th>{{#INDIVIDUAL_MEMBER_HEADERS}}<th scope="col">{{_ My mark}}</th><th scope="col">{{_ The committee}}</th>{{/INDIVIDUAL_MEMBER_HEADERS}}{{#INDIVIDUAL_HEADERS}}<th scope="col">{{_ The committee}}</th>{{/INDIVIDUAL_HEADERS}}{{#SCORE_HEADER}}<th scope="col">{{_ Score (spread)}}</th>{{/SCORE_HEADER}}<th scope="col">{{_ Tags}}</th><th scope="col">{{_ Received}}</th><th scope="col">{{_ Notes}}</th></tr></thead>
<tbody>
{{#APPLICATION}}<tr>{{#SELECTABLE}}<td data-title="{{_ Choose}}"><div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="choose-{{APPLICATION_ID}}" name="application_id" value="{{APPLICATION_ID}}"><label class="form-label" for="choose-{{APPLICATION_ID}}"><span class="sr-only">{{_ Choose}} {{REFERENCE}}</span></label></div></td>{{/SELECTABLE}}<td data-title="{{_ Reference number}}"><a href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}">{{REFERENCE}}</a></td><td data-title="{{_ Name}}">{{NAME}}</td><td data-title="{{_ Status}}">{{STATUS}}</td>{{#INDIVIDUAL_CELLS}}{{#MEMBER_CELL}}<td data-title="{{_ My mark}}">{{OWN_MARK}}</td>{{/MEMBER_CELL}}<td data-title="{{_ The committee}}">{{COMMITTEE}}</td>{{/INDIVIDUAL_CELLS}}{{#SCORE_CELL}}<td data-title="{{_ Score (spread)}}">{{SCORE}}</td>{{/SCORE_CELL}}<td data-title="{{_ Tags}}">{{TAGS}}</td><td data-title="{{_ Received}}"><time datetime="{{RECEIVED_ISO}}">{{RECEIVED}}</time></td><td data-title="{{_ Notes}}">{{#LATE}}<span class="badge">{{_ After the deadline}}</span> {{/LATE}}{{#KNOCKED_OUT}}<span class="badge">{{_ Knockout answer}}</span> {{/KNOCKED_OUT}}{{#PRIORITY}}<span class="badge">{{_ Priority access}}</span>{{/PRIORITY}}</td></tr>
{{/APPLICATION}}</tbody>
</table>
</div>
{{#HAS_PAGING}}<nav class="pagination" aria-label="{{_ Pages of applications}}"><ul class="nobullet-list pagination-list">
<li><a href="{{FIRST_HREF}}">{{_ First page}}</a></li>
{{#HAS_PREVIOUS}}<li><a href="{{PREVIOUS_HREF}}" rel="prev">{{_ Previous page}}</a></li>{{/HAS_PREVIOUS}}
{{#HAS_NEXT}}<li><a href="{{NEXT_HREF}}" rel="next">{{_ Next page}}</a></li>{{/HAS_NEXT}}
</ul></nav>{{/HAS_PAGING}}
{{#CAN_SEND_MAIL}}<fieldset class="mail-controls">
<legend class="h3">{{_ Mail to the chosen applicants}}</legend>
<div class="form-group">
<label class="form-label" for="mail-kind">{{_ Mail}}</label>
<select class="form-select" id="mail-kind" name="kind">
{{#MAIL_KIND}}<option value="{{VALUE}}">{{LABEL}}</option>{{/MAIL_KIND}}
</select>
</div>
<button type="submit" class="button button-secondary" name="action" value="mail">{{_ Write the mail}}</button>
</fieldset>{{/CAN_SEND_MAIL}}
{{#CAN_CHANGE_STATUS}}<fieldset class="status-controls">
<legend class="h3">{{_ Status of the chosen applicants}}</legend>
<div class="form-group{{#ERROR_STATUS}} form-error{{/ERROR_STATUS}}">
<label class="form-label" for="status">{{_ New status}}</label>
{{#REJECT_AFTER_DEADLINE}}<span class="form-hint" id="status-hint">{{_ Applicants can be rejected once the application deadline has passed.}}</span>{{/REJECT_AFTER_DEADLINE}}
<select class="form-select" id="status" name="status">
<option value="in_assessment">{{_ In assessment}}</option>
{{#MAY_REJECT}}<option value="rejected">{{_ Rejected (you confirm on the next page)}}</option>{{/MAY_REJECT}}
</select>
</div>
<button type="submit" class="button button-secondary" name="action" value="status">{{_ Change the status}}</button>
</fieldset>{{/CAN_CHANGE_STATUS}}
{{#BULK_FORM}}</form>{{/BULK_FORM}}{{/HAS_APPLICATIONS}}
