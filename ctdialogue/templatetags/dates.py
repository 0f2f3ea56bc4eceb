"""Days in words in templates, in the page's language: {{ resolution.adopted_on|in_words }}
gives "21 December 2017", "21 décembre 2017", "2017年12月21日"."""

from django import template

from ctdialogue.output.dates import day_month_year

register = template.Library()


@register.filter
def in_words(day):
    return day_month_year(day) if day else ""
