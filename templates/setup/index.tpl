{{%AUTOESCAPE context="HTML"}}<h1>{{_ Institution set-up}}</h1>
<p class="font-lead">{{_ What every recruitment case of the institution draws on.}}</p>
<ul class="nobullet-list">
<li class="mt-4"><a href="/setup/units">{{_ Units}}</a><br>{{_ The organisation units a case can belong to.}}</li>
<li class="mt-4"><a href="/setup/mandatory-texts">{{_ Mandatory texts}}</a><br>{{_ Texts required in every ad, such as the encouragement to apply.}}</li>
<li class="mt-4"><a href="/setup/ad-templates">{{_ Ad templates}}</a><br>{{_ Starting points for new ads, in Danish or English.}}</li>
<li class="mt-4"><a href="/setup/email-templates">{{_ E-mail templates}}</a><br>{{_ The mails to applicants and committees, with merge fields, in Danish and English.}}</li>
<li class="mt-4"><a href="/setup/questions">{{_ Screening questions}}</a><br>{{_ Questions for the application form, some of which can disqualify.}}</li>
<li class="mt-4"><a href="/retention">{{_ Deletion of personal data}}</a><br>{{_ How long applications and the access log are kept, what is deleted next, holds and the deletion report.}}</li>
<li class="mt-4"><a href="/setup/lists">{{_ Collective agreements and position categories}}</a><br>{{_ The names to choose from.}}</li>
</ul>
