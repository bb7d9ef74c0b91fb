{{%AUTOESCAPE context="HTML"}}{{#ANONYMISED_COPY}}<div class="container" id="anonymised-copy-notice">
<div class="alert alert-info mt-4" role="region" aria-label="{{_ Test copy}}">
<div class="alert-body"><p class="alert-text">{{_ This is an anonymised test copy: every name, address, text and file in it is synthetic.}}</p></div>
</div>
</div>{{/ANONYMISED_COPY}}{{#BANNER}}<div class="container" id="service-banner">
{{#NOTICE}}<div class="alert {{#IS_CURRENT}}alert-warning{{/IS_CURRENT}}{{#NOT_CURRENT}}alert-info{{/NOT_CURRENT}} mt-4" role="region" aria-label="{{_ Service status}}">
<div class="alert-body">
<p class="alert-heading">{{KIND}}: {{TITLE}}</p>
<p class="alert-text">{{#IS_CURRENT}}{{_ Now.}}{{/IS_CURRENT}}{{#NOT_CURRENT}}{{_ Announced:}}{{/NOT_CURRENT}} {{_ From}} {{STARTS}}{{#HAS_ENDS}} {{_ until}} {{ENDS}}{{/HAS_ENDS}}. {{_ Affected:}} {{AFFECTED}}. <a class="function-link" href="/status#notice-{{ID}}">{{_ Read more on the status page}}</a></p>
</div>
</div>
{{/NOTICE}}</div>{{/BANNER}}
