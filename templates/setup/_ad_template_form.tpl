{{%AUTOESCAPE context="HTML"}}<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name of the template}}</label>
{{#ERROR_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" value="{{VALUE_NAME}}">
</div>
<div class="form-group{{#ERROR_LANGUAGE}} form-error{{/ERROR_LANGUAGE}}">
<label class="form-label" for="language">{{_ Language}}</label>
{{#ERROR_LANGUAGE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_LANGUAGE}}
<select class="form-select" id="language" name="language">
<option value="da"{{#LANGUAGE_DA}} selected{{/LANGUAGE_DA}}>{{_ Danish}}</option>
<option value="en"{{#LANGUAGE_EN}} selected{{/LANGUAGE_EN}}>{{_ English}}</option>
</select>
</div>
<div class="form-group{{#ERROR_TITLE}} form-error{{/ERROR_TITLE}}">
<label class="form-label" for="title">{{_ Title of the position}}</label>
{{#ERROR_TITLE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TITLE}}
<input class="form-input input-width-xl" type="text" id="title" name="title" value="{{VALUE_TITLE}}">
</div>
<div class="form-group{{#ERROR_SALARY_TEXT}} form-error{{/ERROR_SALARY_TEXT}}">
<label class="form-label" for="salary_text">{{_ Salary placement}}</label>
{{#ERROR_SALARY_TEXT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_SALARY_TEXT}}
<input class="form-input input-width-xxl" type="text" id="salary_text" name="salary_text" value="{{VALUE_SALARY_TEXT}}">
</div>
<div class="form-group{{#ERROR_COLLECTIVE_AGREEMENT}} form-error{{/ERROR_COLLECTIVE_AGREEMENT}}">
<label class="form-label" for="collective_agreement">{{_ Collective agreement}}</label>
{{#ERROR_COLLECTIVE_AGREEMENT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_COLLECTIVE_AGREEMENT}}
<input class="form-input input-width-xl" type="text" id="collective_agreement" name="collective_agreement" value="{{VALUE_COLLECTIVE_AGREEMENT}}" list="agreements">
<datalist id="agreements">{{#AGREEMENT}}<option value="{{NAME}}">{{/AGREEMENT}}</datalist>
</div>
<div class="form-group{{#ERROR_EMPLOYMENT_FORM}} form-error{{/ERROR_EMPLOYMENT_FORM}}">
<label class="form-label" for="employment_form">{{_ Form of employment}}</label>
{{#ERROR_EMPLOYMENT_FORM}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EMPLOYMENT_FORM}}
<select class="form-select" id="employment_form" name="employment_form">
<option value="permanent"{{#FORM_PERMANENT}} selected{{/FORM_PERMANENT}}>{{_ Permanent}}</option>
<option value="fixed_term"{{#FORM_FIXED_TERM}} selected{{/FORM_FIXED_TERM}}>{{_ Fixed term}}</option>
<option value="aaremaal"{{#FORM_AAREMAAL}} selected{{/FORM_AAREMAAL}}>{{_ Åremål (fixed-term senior post)}}</option>
</select>
</div>
<div class="form-group{{#ERROR_EMPLOYMENT_BASIS}} form-error{{/ERROR_EMPLOYMENT_BASIS}}">
<label class="form-label" for="employment_basis">{{_ Employed as}}</label>
{{#ERROR_EMPLOYMENT_BASIS}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EMPLOYMENT_BASIS}}
<select class="form-select" id="employment_basis" name="employment_basis">
<option value="collective_agreement"{{#BASIS_COLLECTIVE_AGREEMENT}} selected{{/BASIS_COLLECTIVE_AGREEMENT}}>{{_ Under a collective agreement}}</option>
<option value="civil_servant"{{#BASIS_CIVIL_SERVANT}} selected{{/BASIS_CIVIL_SERVANT}}>{{_ Civil servant}}</option>
</select>
</div>
<div class="form-group">
<label class="form-label" for="working_time">{{_ Working time}}</label>
<select class="form-select" id="working_time" name="working_time">
<option value="full_time"{{#FULL_TIME}} selected{{/FULL_TIME}}>{{_ Full-time (37 hours)}}</option>
<option value="part_time"{{#PART_TIME}} selected{{/PART_TIME}}>{{_ Part-time}}</option>
</select>
</div>
<div class="form-group{{#ERROR_WEEKLY_HOURS}} form-error{{/ERROR_WEEKLY_HOURS}}">
<label class="form-label" for="weekly_hours">{{_ Weekly hours for part-time}}</label>
{{#ERROR_WEEKLY_HOURS}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_WEEKLY_HOURS}}
<input class="form-input input-width-xs" type="text" inputmode="decimal" id="weekly_hours" name="weekly_hours" value="{{VALUE_WEEKLY_HOURS}}">
</div>
<div class="form-group{{#ERROR_BODY}} form-error{{/ERROR_BODY}}">
<label class="form-label" for="body">{{_ Ad text}}</label>
<span class="form-hint" id="body-hint">{{_ These words are replaced by the case's values:}} <code>&#123;&#123;{{_ placeholder title}}&#125;&#125;</code>, <code>&#123;&#123;{{_ placeholder deadline}}&#125;&#125;</code>, <code>&#123;&#123;{{_ placeholder salary}}&#125;&#125;</code>, <code>&#123;&#123;{{_ placeholder place_of_work}}&#125;&#125;</code>, <code>&#123;&#123;{{_ placeholder contact}}&#125;&#125;</code>, <code>&#123;&#123;{{_ placeholder mandatory_texts}}&#125;&#125;</code>. {{_ A blank line starts a new paragraph, ## a heading and - a list item.}}</span>
{{#ERROR_BODY}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_BODY}}
<textarea class="form-input input-width-xxl" id="body" name="body" rows="12" aria-describedby="body-hint">{{VALUE_BODY:pre_escape}}</textarea>
</div>
<button type="submit" class="button button-primary">{{_ Save}}</button>
</form>
