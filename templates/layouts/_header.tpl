{{%AUTOESCAPE context="HTML"}}<header class="header">
<div class="portal-info">
<div class="portal-info-inner container">
<a href="/" class="rekrut-logo" title="{{_ Rekrut front page}}">Rekrut</a>
<div class="rekrut-portal-links">
{{#SIGNED_IN}}<span class="user rekrut-wide-only">{{USER_NAME}}</span>
<form method="post" action="/logout" class="inline-form rekrut-wide-only"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary button-small">{{_ Log out}}</button></form>{{/SIGNED_IN}}
{{#SIGNED_OUT}}<a class="function-link" href="/login">{{_ Log in}}</a>{{/SIGNED_OUT}}
{{#SWITCH_TO_ENGLISH}}<a class="function-link" href="/language/en?return={{CURRENT_PATH:u}}" lang="en" hreflang="en">English</a>{{/SWITCH_TO_ENGLISH}}
{{#SWITCH_TO_DANISH}}<a class="function-link" href="/language/da?return={{CURRENT_PATH:u}}" lang="da" hreflang="da">Dansk</a>{{/SWITCH_TO_DANISH}}
{{#NAVIGATION}}<a class="button button-secondary rekrut-menu-link" href="#site-menu">{{_ Menu}}</a>
<button type="button" class="button button-secondary button-menu-open js-menu-open" aria-controls="mobile-menu">{{_ Menu}}</button>{{/NAVIGATION}}
</div>
</div>
</div>
<div class="solution-info">
<div class="solution-info-inner container">
<div class="solution-heading">
<a href="/" title="{{_ Rekrut front page}}">{{_ Rekrut — recruitment in the state}}</a>
</div>
</div>
</div>
{{#NAVIGATION}}<nav class="navigation-menu" id="site-menu" aria-label="{{_ Main menu}}">
<div class="navigation-menu-inner container">
<ul class="mainmenu">
{{#NAV_HOME}}<li><a href="/home" class="nav-link"><span>{{_ Overview}}</span></a></li>{{/NAV_HOME}}
{{#NAV_CASES}}<li><a href="/cases" class="nav-link"><span>{{CASES_LABEL}}</span></a></li>{{/NAV_CASES}}
{{#NAV_USERS}}<li><a href="/users" class="nav-link"><span>{{_ Users}}</span></a></li>{{/NAV_USERS}}
{{#NAV_SETUP}}<li><a href="/setup" class="nav-link"><span>{{_ Institution set-up}}</span></a></li>{{/NAV_SETUP}}
{{#NAV_RIGHTS}}<li><a href="/administrator-rights" class="nav-link"><span>{{_ Administrator rights}}</span></a></li>{{/NAV_RIGHTS}}
{{#NAV_AUDIT}}<li><a href="/audit" class="nav-link"><span>{{_ Audit trail}}</span></a></li>{{/NAV_AUDIT}}
{{#NAV_OPERATOR}}<li><a href="/operator/institutions" class="nav-link"><span>{{_ Operation}}</span></a></li>{{/NAV_OPERATOR}}
{{#NAV_PROFILE}}<li><a href="/profile" class="nav-link"><span>{{_ My profile}}</span></a></li>{{/NAV_PROFILE}}
</ul>
<div class="rekrut-narrow-only rekrut-menu-user">
<p>{{_ Signed in as}} <strong>{{USER_NAME}}</strong></p>
<form method="post" action="/logout"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary">{{_ Log out}}</button></form>
</div>
</div>
</nav>
<div class="overlay"></div>
<nav class="mobile-drawer" id="mobile-menu" aria-label="{{_ Menu}}">
<div class="menu-top">
<p class="menu-heading" aria-hidden="true">{{_ Menu}}</p>
<button type="button" class="function-link button-menu-close js-menu-close">{{_ Close}}</button>
</div>
<div class="navigation-menu-mobile">
<ul class="mainmenu">
{{#NAV_HOME}}<li><a href="/home" class="nav-link"><span>{{_ Overview}}</span></a></li>{{/NAV_HOME}}
{{#NAV_CASES}}<li><a href="/cases" class="nav-link"><span>{{CASES_LABEL}}</span></a></li>{{/NAV_CASES}}
{{#NAV_USERS}}<li><a href="/users" class="nav-link"><span>{{_ Users}}</span></a></li>{{/NAV_USERS}}
{{#NAV_SETUP}}<li><a href="/setup" class="nav-link"><span>{{_ Institution set-up}}</span></a></li>{{/NAV_SETUP}}
{{#NAV_RIGHTS}}<li><a href="/administrator-rights" class="nav-link"><span>{{_ Administrator rights}}</span></a></li>{{/NAV_RIGHTS}}
{{#NAV_AUDIT}}<li><a href="/audit" class="nav-link"><span>{{_ Audit trail}}</span></a></li>{{/NAV_AUDIT}}
{{#NAV_OPERATOR}}<li><a href="/operator/institutions" class="nav-link"><span>{{_ Operation}}</span></a></li>{{/NAV_OPERATOR}}
{{#NAV_PROFILE}}<li><a href="/profile" class="nav-link"><span>{{_ My profile}}</span></a></li>{{/NAV_PROFILE}}
</ul>
</div>
<div class="solution-info-mobile rekrut-menu-user">
<p>{{_ Signed in as}} <strong>{{USER_NAME}}</strong></p>
<form method="post" action="/logout"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary">{{_ Log out}}</button></form>
</div>
</nav>{{/NAVIGATION}}
</header>
