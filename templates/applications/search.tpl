{{%AUTOESCAPE context="HTML"}}<h1>{{_ Search all applications}}</h1>
<p>{{_ Search the applications of every case of the institution. Every application you open is logged.}}</p>
<form method="get" action="/applications/search" role="search">
<div class="form-group">
<label class="form-label" for="q">{{_ Search the applications}}</label>
<input class="form-input input-width-xl" type="search" id="q" name="q" value="{{QUERY}}">
</div>
<button type="submit" class="button button-primary">{{_ Search}}</button>
</form>
{{>SEARCH_RESULTS}}
