{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}">{{_ Back to the case}}</a></p>
<h1>{{HEADING}}</h1>
{{#WAS_REFUSED}}<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-heading">{{REFUSAL}}</p><p class="alert-text">{{_ Nothing was saved. The case is shown below as it stands.}}</p></div></div>{{/WAS_REFUSED}}
{{#EXPLAIN}}<div class="alert alert-info"><div class="alert-body"><p class="alert-text"><strong>{{_ State}}: {{STATE}}.</strong> {{_ Once a case is published, its facts and its ad can no longer be changed. They are shown here as they stand.}}</p></div></div>{{/EXPLAIN}}
{{#HAS_FACTS}}<h2>{{_ About the case}}</h2>{{/HAS_FACTS}}
{{#SUMMARY_GROUPS}}{{>SUMMARY_GROUP}}{{/SUMMARY_GROUPS}}
{{#HAS_AD}}{{>AD}}{{/HAS_AD}}
<p><a class="button button-primary" href="/cases/{{ID}}">{{_ Back to the case}}</a></p>
