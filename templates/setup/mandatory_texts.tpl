{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Mandatory texts}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<table class="table">
<caption>{{_ Texts the institution requires in its ads}}</caption>
<thead><tr><th scope="col">{{_ Name}}</th><th scope="col">{{_ Kind}}</th><th scope="col">{{_ Language}}</th><th scope="col">{{_ Rules}}</th></tr></thead>
<tbody>
{{#TEXT}}<tr><td><a href="/setup/mandatory-texts/{{TEXT_ID}}">{{NAME}}</a></td><td>{{KIND}}</td><td>{{LANGUAGE}}</td><td>{{#REQUIRED}}{{_ required}} {{/REQUIRED}}{{#LOCKED}}{{_ fixed text}}{{/LOCKED}}</td></tr>
{{/TEXT}}</tbody>
</table>
<h2>{{_ New mandatory text}}</h2>
{{>FORM}}
