{{%AUTOESCAPE context="HTML"}}<h1>{{_ Institution set-up}}</h1>
<p class="font-lead">{{_ What every recruitment case of the institution draws on.}}</p>
<ul class="nobullet-list">
<li><a href="/setup/units">{{_ Units}}</a></li>
<li><a href="/setup/mandatory-texts">{{_ Mandatory texts}}</a></li>
<li><a href="/setup/ad-templates">{{_ Ad templates}}</a></li>
<li><a href="/setup/questions">{{_ Screening questions}}</a></li>
<li><a href="/setup/lists">{{_ Collective agreements and position categories}}</a></li>
</ul>
