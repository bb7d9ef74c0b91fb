{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Mandatory texts}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
{{#NO_ENCOURAGEMENT}}<div class="alert alert-warning"><div class="alert-body"><p class="alert-text">{{_ There is no Danish text of the kind "Encouragement to apply". A state ad must encourage all interested to apply, so a Danish ad cannot be marked ready for publication until there is one.}}</p></div></div>{{/NO_ENCOURAGEMENT}}
<table class="table">
<caption>{{_ Texts the institution requires in its ads}}</caption>
<thead><tr><th scope="col">{{_ Name}}</th><th scope="col">{{_ Kind}}</th><th scope="col">{{_ Language}}</th><th scope="col">{{_ In the ad}}</th><th scope="col">{{_ Editing in the ad}}</th></tr></thead>
<tbody>
{{#TEXT}}<tr><th scope="row"><a href="/setup/mandatory-texts/{{TEXT_ID}}">{{NAME}}</a></th><td>{{KIND}}</td><td>{{LANGUAGE}}</td><td>{{#REQUIRED}}{{_ Required}}{{/REQUIRED}}{{#OPTIONAL}}{{_ Optional}}{{/OPTIONAL}}</td><td>{{#LOCKED}}{{_ Locked}}{{/LOCKED}}{{#EDITABLE}}{{_ Can be edited}}{{/EDITABLE}}</td></tr>
{{/TEXT}}{{#NO_TEXTS}}<tr><td colspan="5">{{_ The institution has no mandatory texts yet.}}</td></tr>{{/NO_TEXTS}}
</tbody>
</table>
<h2>{{_ New mandatory text}}</h2>
{{>FORM}}
