<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChildDialog</name>
    <message numerus="yes">
        <source>%n dose(s) on record</source>
        <translation>
            <numerusform>%n dose on record</numerusform>
            <numerusform>%n doses on record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n counting of {required} required now</source>
        <translation>
            <numerusform>%n counting of {required} required now</numerusform>
            <numerusform>%n counting of {required} required now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n counting; none required yet</source>
        <translation>
            <numerusform>%n counting; none required yet</numerusform>
            <numerusform>%n counting; none required yet</numerusform>
        </translation>
    </message>
</context>
</TS>
