{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{#SEES_ALL}}<p class="font-lead">{{_ Every recruitment case of your institution.}}</p>{{/SEES_ALL}}
{{#SEES_OWN}}<p class="font-lead">{{_ The recruitment cases whose hiring committee you are on.}}</p>{{/SEES_OWN}}
{{#CAN_CREATE}}<p><a class="button button-primary" href="/cases/new">{{_ New recruitment case}}</a></p>{{/CAN_CREATE}}
{{#CANNOT_CREATE}}<div class="alert alert-info"><div class="alert-body"><p class="alert-text">{{_ New recruitment cases are created by your institution's Administrators. Ask one of them to create the case and to add you to its hiring committee; the case then appears here.}}</p></div></div>{{/CANNOT_CREATE}}
<form method="get" action="/cases" class="case-filter">
<fieldset>
<legend class="h4">{{_ Filter}}</legend>
<div class="form-group">
<label class="form-label" for="state">{{_ State}}</label>
<select class="form-select" id="state" name="state">
<option value="">{{_ All states}}</option>
{{#STATE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_OPTION}}</select>
</div>
<div class="form-group">
<label class="form-label" for="unit">{{_ Unit}}</label>
<select class="form-select" id="unit" name="unit">
<option value="">{{_ All units}}</option>
{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/UNIT_OPTION}}</select>
</div>
<div class="form-group">
<label class="form-label" for="deadline_from">{{_ Deadline from}}</label>
<input class="form-input input-width-s" type="date" id="deadline_from" name="deadline_from" value="{{DEADLINE_FROM}}">
</div>
<div class="form-group">
<label class="form-label" for="deadline_to">{{_ Deadline to}}</label>
<input class="form-input input-width-s" type="date" id="deadline_to" name="deadline_to" value="{{DEADLINE_TO}}">
</div>
<button type="submit" class="button button-secondary">{{_ Show}}</button>
</fieldset>
</form>
{{#EMPTY}}<p>{{_ No cases match.}}</p>{{/EMPTY}}
{{#HAS_CASES}}<table class="table table--zebra table--responsive-headers">
<caption>{{_ Cases}} ({{TOTAL}})</caption>
<thead><tr>
<th scope="col" aria-sort="{{SORT_TITLE_ARIA}}"><a href="/cases{{SORT_TITLE}}">{{_ Title}}</a></th>
<th scope="col" aria-sort="{{SORT_STATE_ARIA}}"><a href="/cases{{SORT_STATE}}">{{_ State}}</a></th>
<th scope="col">{{_ Unit}}</th>
<th scope="col" aria-sort="{{SORT_DEADLINE_ARIA}}"><a href="/cases{{SORT_DEADLINE}}">{{_ Application deadline}}</a></th>
</tr></thead>
<tbody>
{{/HAS_CASES}}{{#CASE}}<tr><td data-title="{{_ Title}}"><a href="/cases/{{ID}}">{{CASE_TITLE}}</a></td><td data-title="{{_ State}}">{{STATE}}</td><td data-title="{{_ Unit}}">{{UNIT}}{{#NO_UNIT}}{{_ Not specified}}{{/NO_UNIT}}</td><td data-title="{{_ Application deadline}}">{{DEADLINE}}{{#NO_DEADLINE}}{{_ Not specified}}{{/NO_DEADLINE}}</td></tr>
{{/CASE}}{{#HAS_CASES}}</tbody>
</table>{{/HAS_CASES}}
{{#PAGER}}<nav class="pagination" aria-label="{{_ Pages}}">
<p>{{_ Page}} {{PAGE}} / {{PAGES}}</p>
{{#HAS_PREVIOUS}}<a class="button button-secondary" href="/cases{{PREVIOUS_URL}}">{{_ Previous}}</a>{{/HAS_PREVIOUS}}
{{#HAS_NEXT}}<a class="button button-secondary" href="/cases{{NEXT_URL}}">{{_ Next}}</a>{{/HAS_NEXT}}
</nav>{{/PAGER}}
