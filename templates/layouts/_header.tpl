{{%AUTOESCAPE context="HTML"}}<header class="header">
<div class="portal-header">
<div class="container portal-header-inner">
<a href="/" class="logo-link" title="{{_ Rekrut front page}}"><span class="h3 m-0">Rekrut</span></a>
<span class="portal-info ml-auto">
{{#SWITCH_TO_ENGLISH}}<a class="function-link" href="/language/en?return={{CURRENT_PATH:u}}" lang="en" hreflang="en">English</a>{{/SWITCH_TO_ENGLISH}}
{{#SWITCH_TO_DANISH}}<a class="function-link" href="/language/da?return={{CURRENT_PATH:u}}" lang="da" hreflang="da">Dansk</a>{{/SWITCH_TO_DANISH}}
</span>
</div>
</div>
<div class="solution-header">
<div class="container solution-header-inner">
<div class="solution-heading">
<a href="/" title="{{_ Rekrut front page}}">{{_ Rekrut — recruitment in the state}}</a>
</div>
</div>
</div>
</header>
