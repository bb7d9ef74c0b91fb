{{%AUTOESCAPE context="HTML"}}{{#ALL}}<h1>{{_ Open positions}}</h1>
<p class="font-lead">{{_ Positions in Danish state institutions that you can apply for now.}}</p>{{/ALL}}
{{#ONE_INSTITUTION}}<p><a class="back-link" href="/">{{_ All open positions}}</a></p>
<h1>{{INSTITUTION_NAME}}</h1>
{{#HAS_PRESENTATION}}<div class="institution-presentation">{{PRESENTATION:none}}</div>{{/HAS_PRESENTATION}}
<h2>{{_ Open positions}}</h2>{{/ONE_INSTITUTION}}
<form method="get" action="{{LIST_PATH}}" class="position-filter" role="search">
<fieldset>
<legend class="h4">{{_ Find a position}}</legend>
<div class="form-group">
<label class="form-label" for="q">{{_ Search text}}</label>
<input class="form-input" type="search" id="q" name="q" value="{{SEARCH_TEXT}}" maxlength="200">
</div>
{{#ALL}}<div class="form-group">
<label class="form-label" for="institution">{{_ Institution}}</label>
<select class="form-select" id="institution" name="institution">
<option value="">{{_ All institutions}}</option>
{{#INSTITUTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/INSTITUTION_OPTION}}</select>
</div>{{/ALL}}
<div class="form-group">
<label class="form-label" for="employment_form">{{_ Employment}}</label>
<select class="form-select" id="employment_form" name="employment_form">
<option value="">{{_ All forms of employment}}</option>
{{#FORM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/FORM_OPTION}}</select>
</div>
{{#HAS_MUNICIPALITIES}}<div class="form-group">
<label class="form-label" for="municipality">{{_ Municipality}}</label>
<select class="form-select" id="municipality" name="municipality">
<option value="">{{_ All municipalities}}</option>
{{#MUNICIPALITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/MUNICIPALITY_OPTION}}</select>
</div>{{/HAS_MUNICIPALITIES}}
{{#HAS_CATEGORIES}}<div class="form-group">
<label class="form-label" for="category">{{_ Position category}}</label>
<select class="form-select" id="category" name="category">
<option value="">{{_ All categories}}</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
</div>{{/HAS_CATEGORIES}}
<div class="form-group">
<label class="form-label" for="sort">{{_ Sort by}}</label>
<select class="form-select" id="sort" name="sort">
<option value="deadline"{{#SORT_DEADLINE}} selected{{/SORT_DEADLINE}}>{{_ Application deadline, soonest first}}</option>
<option value="newest"{{#SORT_NEWEST}} selected{{/SORT_NEWEST}}>{{_ Newest first}}</option>
</select>
</div>
<button type="submit" class="button button-secondary">{{_ Show}}</button>
</fieldset>
</form>
{{#NO_POSITIONS}}<p>{{_ There are no open positions right now.}}</p>{{/NO_POSITIONS}}
{{#NO_MATCH}}<p>{{_ No open positions match your search.}}</p>{{/NO_MATCH}}
{{#HAS_POSITIONS}}
<table class="table table--zebra table--responsive-headers">
<caption>{{_ Open positions}} ({{COUNT}})</caption>
<thead><tr><th scope="col">{{_ Position}}</th><th scope="col">{{_ Institution}}</th><th scope="col">{{_ Place of work}}</th><th scope="col">{{_ Application deadline}}</th></tr></thead>
<tbody>
{{/HAS_POSITIONS}}{{#POSITION}}<tr><td data-title="{{_ Position}}"><a href="/positions/{{CASE_ID}}">{{POSITION_TITLE}}</a></td><td data-title="{{_ Institution}}"><a href="/institutions/{{INSTITUTION_ID}}">{{INSTITUTION}}</a></td><td data-title="{{_ Place of work}}">{{PLACE}}</td><td data-title="{{_ Application deadline}}"><time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time></td></tr>
{{/POSITION}}{{#HAS_POSITIONS}}</tbody>
</table>
{{/HAS_POSITIONS}}
{{#PAGER}}<nav class="pagination" aria-label="{{_ Pages}}">
<p>{{_ Page}} {{PAGE}} / {{PAGES}}</p>
{{#HAS_PREVIOUS}}<a class="button button-secondary" rel="prev" href="{{PREVIOUS_URL}}">{{_ Previous}}</a>{{/HAS_PREVIOUS}}
{{#HAS_NEXT}}<a class="button button-secondary" rel="next" href="{{NEXT_URL}}">{{_ Next}}</a>{{/HAS_NEXT}}
</nav>{{/PAGER}}
<p class="feed-link"><a href="{{FEED_PATH}}" type="application/atom+xml">{{_ Follow new positions (Atom feed)}}</a></p>
