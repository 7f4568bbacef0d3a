<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="60"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="66"/>
        <source>Рабочее место организации дополнительного образования в системе ПФДО: журнал, заявки, оплата — без интернета.</source>
        <translation>The workstation of a provider of additional education in personalised financing: attendance, applications, payment — without the internet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="68"/>
        <source>Шрифты и библиотеки</source>
        <translation>Fonts and libraries</translation>
    </message>
</context>
<context>
    <name>ApplicationActionDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="80"/>
        <source>Отклонить заявку</source>
        <translation>Reject the application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="80"/>
        <source>Отклонить</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="81"/>
        <source>Зачислить по приказу</source>
        <translation>Enrol by order</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="81"/>
        <source>Зачислить</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="82"/>
        <source>Отчислить по приказу</source>
        <translation>Expel by order</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="82"/>
        <source>Отчислить</source>
        <translation>Expel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="83"/>
        <source>Перевести в другую группу</source>
        <translation>Transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="83"/>
        <source>Перевести</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="84"/>
        <source>Расторгнуть договор по заявлению родителя</source>
        <translation>Terminate the contract at the parent&apos;s request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="84"/>
        <source>Расторгнуть</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="90"/>
        <source>%1, %2 — %3, с %4. Статус: %5.</source>
        <translation>%1, %2 — %3, from %4. Status: %5.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="103"/>
        <source>Команда уйдёт на портал при синхронизации; статус изменит ответ портала.</source>
        <translation>The command goes to the portal with the next sync; the portal&apos;s answer changes the status.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="152"/>
        <source>Укажите дату (ДД.ММ.ГГГГ).</source>
        <translation>Enter the date (DD.MM.YYYY).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="182"/>
        <source>— выберите —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="191"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="201"/>
        <source>Причина:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="192"/>
        <source>Комментарий:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="192"/>
        <source>для родителя</source>
        <translation>for the parent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="194"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="198"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="210"/>
        <source>Номер приказа:</source>
        <translation>Order number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="195"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="199"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="211"/>
        <source>Дата приказа:</source>
        <translation>Order date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="196"/>
        <source>Зачислить с:</source>
        <translation>Enrol from:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="200"/>
        <source>Последний день обучения:</source>
        <translation>Last day of study:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="204"/>
        <source>— выберите группу —</source>
        <translation>— choose a group —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="208"/>
        <source>В группу:</source>
        <translation>To group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="209"/>
        <source>Дата перевода:</source>
        <translation>Transfer date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="216"/>
        <source>Дата заявления родителя:</source>
        <translation>Date of the parent&apos;s request:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="230"/>
        <source>Договор будет расторгнут с %1 — с 1-го числа месяца, следующего за заявлением.</source>
        <translation>The contract ends from %1 — the 1st day of the month after the request.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="239"/>
        <source>В старой группе договор закончится %1, в новой ребёнок будет зачислен с %2.</source>
        <translation>The contract in the old group ends on %1; the child is enrolled in the new group from %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="257"/>
        <source>Выберите причину отклонения.</source>
        <translation>Choose the reason for rejection.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="272"/>
        <source>Выберите причину отчисления.</source>
        <translation>Choose the reason for expulsion.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="278"/>
        <source>Выберите группу, в которую переводится ребёнок.</source>
        <translation>Choose the group the child moves to.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="297"/>
        <source>Команда не сохранена из-за внутренней ошибки.</source>
        <translation>The command was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="86"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="93"/>
        <source>ФИО, номер заявки или сертификата</source>
        <translation>Name, application or certificate number</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="112"/>
        <source>Подтвердить</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="113"/>
        <source>Отклонить…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="114"/>
        <source>Отозвать</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="115"/>
        <source>Зачислить…</source>
        <translation>Enrol…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="116"/>
        <source>Отчислить…</source>
        <translation>Expel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="117"/>
        <source>Перевести…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="118"/>
        <source>Расторгнуть по заявлению…</source>
        <translation>Terminate at request…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="130"/>
        <source>Отменить неотправленное</source>
        <translation>Cancel unsent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="132"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="134"/>
        <source>Карточка ребёнка</source>
        <translation>Child&apos;s card</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="136"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="139"/>
        <source>Все заявления группы…</source>
        <translation>All applications of the group…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="141"/>
        <source>Заявления о зачислении всех детей группы (новые, подтверждённые, обучаются) одним PDF</source>
        <translation>Enrolment applications of every child in the group (new, confirmed, studying) in one PDF</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="152"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="155"/>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="392"/>
        <source>Группа:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="184"/>
        <source>Все группы</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="226"/>
        <source>Заявок: %1</source>
        <translation>Applications: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="228"/>
        <source>ожидают отправки: %1</source>
        <translation>waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="242"/>
        <source>Экспорт заявок в Excel</source>
        <translation>Export applications to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="242"/>
        <source>Заявки</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="256"/>
        <source>заявок: %1</source>
        <translation>applications: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="278"/>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="298"/>
        <source>Выберите заявку в списке</source>
        <translation>Choose an application in the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="282"/>
        <source>Ждёт ответа портала на прежнюю команду: %1</source>
        <translation>Waiting for the portal&apos;s answer to the previous command: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="300"/>
        <source>Уведомление печатается, когда договор расторгнут: ребёнок отчислен, переведён или договор расторгнут по заявлению</source>
        <translation>The notice is printed once the contract has ended: the child was expelled, transferred or the contract was terminated on request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="308"/>
        <source>Отменить «%1», пока оно не отправлено на портал</source>
        <translation>Cancel “%1” before it is sent to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="312"/>
        <source>У выбранной заявки нет команды, ожидающей отправки</source>
        <translation>The selected application has no command waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="342"/>
        <source>Заявка сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Application saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="382"/>
        <source>В группе нет действующих заявок: печатать нечего.</source>
        <translation>The group has no live applications: nothing to print.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="392"/>
        <source>Все заявления группы</source>
        <translation>All applications of the group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="440"/>
        <source>Отменено, на портал не уйдёт: %1.</source>
        <translation>Cancelled, it will not be sent to the portal: %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="445"/>
        <source>Команда сохранена и ожидает отправки: портал решит при синхронизации.</source>
        <translation>Command saved and waiting to be sent: the portal decides at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="451"/>
        <source>Команда не сохранена из-за внутренней ошибки.</source>
        <translation>The command was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ApplicationsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="19"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="20"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="21"/>
        <source>Группа / программа</source>
        <translation>Group / programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="22"/>
        <source>Начало</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="23"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="24"/>
        <source>Причина отклонения</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="25"/>
        <source>Договор: стоимость и оплата</source>
        <translation>Contract: cost and payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="57"/>
        <source>%1, %2
сертификат %3</source>
        <translation>%1, %2
certificate %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="63"/>
        <source>Номер присвоит портал, когда получит заявку</source>
        <translation>The portal assigns a number when it receives the application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="67"/>
        <source>Договор № %1</source>
        <translation>Contract No. %1</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="68"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="68"/>
        <source>Когда сделана</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="68"/>
        <source>Размер</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="69"/>
        <source>Что в копии</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="111"/>
        <source>ежедневная</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="112"/>
        <source>перед обновлением программы</source>
        <translation>before a program update</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="113"/>
        <source>после подключения к порталу</source>
        <translation>after connecting to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="114"/>
        <source>сделана вручную</source>
        <translation>made by hand</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="118"/>
        <source>повреждена: %1</source>
        <translation>damaged: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="119"/>
        <source>детей %1, групп %2, отметок %3, неотправленных изменений %4</source>
        <translation>children %1, groups %2, marks %3, unsent changes %4</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="123"/>
        <source>; ПК в копии не подключён к порталу</source>
        <translation>; the PC in this copy is not connected to the portal</translation>
    </message>
</context>
<context>
    <name>CancelLessonDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="52"/>
        <source>Занятие не проведено</source>
        <translation>Lesson not held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="53"/>
        <source>Занятие %1 не проведено по вине исполнителя. Укажите причину (например, «болезнь педагога», «помещение закрыто»): она уйдёт на портал и будет видна в журнале.</source>
        <translation>The lesson of %1 was not held through the provider&apos;s fault. Give the reason (for example, “teacher ill”, “room closed”): it goes to the portal and shows in the journal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="58"/>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="66"/>
        <source>Укажите причину, по которой занятие не проведено.</source>
        <translation>Give the reason why the lesson was not held.</translation>
    </message>
</context>
<context>
    <name>CandidateFrame</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="77"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="78"/>
        <source>Сертификат:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="79"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="80"/>
        <source>Это он(а)</source>
        <translation>This is the child</translation>
    </message>
</context>
<context>
    <name>ChartWithTable</name>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="123"/>
        <source>Таблица</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="124"/>
        <source>Показать или скрыть таблицу с цифрами графика</source>
        <translation>Show or hide the table with the chart&apos;s figures</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/paint.py" line="57"/>
        <source>Нет данных</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="70"/>
        <source>Категория</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="74"/>
        <source>Всего</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/widgets.py" line="29"/>
        <source>Всего: %1</source>
        <translation>Total: %1</translation>
    </message>
</context>
<context>
    <name>ChildCardWidget</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="115"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="117"/>
        <source>Отменить неотправленное</source>
        <translation>Cancel unsent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="119"/>
        <source>Отменить запрос или выбор ребёнка, пока он не отправлен на портал</source>
        <translation>Cancel the request or the choice of the child before it is sent to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="122"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="123"/>
        <source>Заявление, выписка из реестра сертификатов, согласие</source>
        <translation>Application, certificate registry extract, consent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="129"/>
        <source>Портал нашёл похожих детей — выберите, кто это</source>
        <translation>The portal found similar children — choose who this is</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="135"/>
        <source>Нет, это новый ребёнок</source>
        <translation>No, this is a new child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="147"/>
        <source>Это другой ребёнок?</source>
        <translation>A different child?</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="156"/>
        <source>Отправить запрос снова</source>
        <translation>Send the request again</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="163"/>
        <source>СНИЛС ребёнка:</source>
        <translation>Child&apos;s SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="175"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="181"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="182"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="183"/>
        <source>Документ:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="184"/>
        <source>Состояние:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="187"/>
        <source>Родитель (законный представитель)</source>
        <translation>Parent (legal representative)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="193"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="203"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="204"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="205"/>
        <source>Номинал:</source>
        <translation>Nominal:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="206"/>
        <source>Остаток:</source>
        <translation>Balance:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="207"/>
        <source>Зарезервировано:</source>
        <translation>Reserved:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="216"/>
        <source>Заявки и зачисления</source>
        <translation>Applications and enrolments</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="221"/>
        <source>Заявок нет.</source>
        <translation>No applications.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="230"/>
        <source>Выберите ребёнка в списке, чтобы открыть его карточку.</source>
        <translation>Choose a child in the list to open the card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="294"/>
        <source>У ребёнка нет сертификата</source>
        <translation>The child has no certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="297"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="300"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="319"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="431"/>
        <source>не указан</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="308"/>
        <source>в реестре портала</source>
        <translation>in the portal&apos;s registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="341"/>
        <source>Данные сертификата придут после заявки с его номером из заявления родителя.</source>
        <translation>The certificate&apos;s data will arrive after an application with its number from the parent&apos;s application.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="343"/>
        <source>Сертификата нет или портал ещё не прислал его данные.</source>
        <translation>No certificate, or the portal has not sent it yet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="345"/>
        <source>Сертификата нет.</source>
        <translation>No certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="355"/>
        <source>по данным на %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="357"/>
        <source>по данным последней синхронизации</source>
        <translation>as of the last sync</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="366"/>
        <source>с %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="368"/>
        <source>по %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="370"/>
        <source>заявка № %1</source>
        <translation>application No. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="373"/>
        <source>приказ № %1 от %2</source>
        <translation>order No. %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="379"/>
        <source>договор %1</source>
        <translation>contract %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="400"/>
        <source>%1: с %2%3 (%4)</source>
        <translation>%1: from %2%3 (%4)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="403"/>
        <source> по %1</source>
        <translation> to %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="408"/>
        <source>В журналах групп: %1</source>
        <translation>In group journals: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="426"/>
        <source>Вы ввели: %1, дата рождения %2, СНИЛС %3. Сверьте дату рождения, сертификат и СНИЛС с документами и выберите этого ребёнка — или создайте нового.</source>
        <translation>You entered: %1, born %2, SNILS %3. Check the date of birth, certificate and SNILS against the documents and choose the child — or create a new one.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="456"/>
        <source>Исправьте СНИЛС по документу ребёнка, если нужно, и отправьте запрос снова.</source>
        <translation>Correct the SNILS from the child&apos;s document if needed and send the request again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="460"/>
        <source>В запросе был СНИЛС %1. Если в нём ошибка, укажите верный СНИЛС и отправьте запрос снова: по другому СНИЛС портал отличит ребёнка от записи в реестре.</source>
        <translation>The request carried SNILS %1. If it is wrong, enter the right SNILS and send the request again: a different SNILS lets the portal tell the child apart from the registry record.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="465"/>
        <source>Если в реестре другой ребёнок с такими же ФИО и датой рождения, укажите СНИЛС вашего ребёнка и отправьте запрос снова: по СНИЛС портал отличит его и создаст новую запись.</source>
        <translation>If the registry child with the same full name and date of birth is someone else, enter your child&apos;s SNILS and send the request again: the portal will tell them apart by the SNILS and create a new record.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="515"/>
        <source>Укажите СНИЛС ребёнка по документу: 11 цифр, например 123-456-789 01.</source>
        <translation>Enter the child&apos;s SNILS from the document: 11 digits, e.g. 123-456-789 01.</translation>
    </message>
</context>
<context>
    <name>ChildrenPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="45"/>
        <source>Поиск: ФИО, дата рождения (12.03.2015), номер сертификата или СНИЛС</source>
        <translation>Search: name, date of birth (12.03.2015), certificate number or SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="51"/>
        <source>Новый ребёнок…</source>
        <translation>New child…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="53"/>
        <source>Импорт списка…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="54"/>
        <source>Загрузить список детей из Excel (.xlsx) или CSV</source>
        <translation>Load a list of children from Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="56"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="109"/>
        <source>Показаны первые %1: уточните поиск</source>
        <translation>First %1 shown: refine the search</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="111"/>
        <source>Найдено: %1</source>
        <translation>Found: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="113"/>
        <source>Детей: %1</source>
        <translation>Children: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="199"/>
        <source>Запрос на нового ребёнка сохранён: он уйдёт на портал при синхронизации.</source>
        <translation>New-child request saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="217"/>
        <source>Импорт списка: запросов на новых детей — %1; они уйдут на портал при синхронизации.</source>
        <translation>List import: %1 new-child requests; they go to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="227"/>
        <source>Экспорт списка детей в Excel</source>
        <translation>Export the children list to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="228"/>
        <source>Дети и сертификаты</source>
        <translation>Children and certificates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="238"/>
        <source>строк: %1</source>
        <translation>rows: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="257"/>
        <source>Заявка сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Application saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="292"/>
        <source>Выбор сохранён: портал получит его при синхронизации.</source>
        <translation>Choice saved: the portal gets it with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="294"/>
        <source>Будет создан новый ребёнок: портал получит запрос при синхронизации.</source>
        <translation>A new child will be created: the portal gets the request with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="312"/>
        <source>Запрос с СНИЛС уйдёт на портал снова при синхронизации.</source>
        <translation>The request with the SNILS will be sent to the portal again at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="340"/>
        <source>Запрос на нового ребёнка отменён: на портал он не уйдёт.</source>
        <translation>The new-child request is cancelled: it will not be sent to the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="344"/>
        <source>Выбор ребёнка отменён: выберите снова.</source>
        <translation>The choice of the child is cancelled: choose again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="349"/>
        <source>Изменение не сохранено из-за внутренней ошибки.</source>
        <translation>The change was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ChildrenTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="23"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="24"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="25"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="26"/>
        <source>СНИЛС</source>
        <translation>SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="27"/>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="39"/>
        <source>тёзка: сверьте дату рождения и сертификат</source>
        <translation>namesake: check the date of birth and certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="41"/>
        <source>%1 тёзки: сверьте дату рождения и сертификат</source>
        <translation>%1 namesakes: check the date of birth and certificate</translation>
    </message>
</context>
<context>
    <name>CommonTexts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="64"/>
        <source>ожидает отправки: %1</source>
        <translation>waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="79"/>
        <source>ждёт ответа портала</source>
        <translation>waits for the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="80"/>
        <source>выберите ребёнка</source>
        <translation>choose the child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="81"/>
        <source>отклонён порталом</source>
        <translation>refused by the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="82"/>
        <source>уже есть в реестре</source>
        <translation>already in the registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="98"/>
        <source>: сертификат %1 + родитель %2</source>
        <translation>: certificate %1 + parent %2</translation>
    </message>
</context>
<context>
    <name>ConflictTable</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>Поле</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>Черновик на ПК</source>
        <translation>Draft on this PC</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>На портале</source>
        <translation>On the portal</translation>
    </message>
</context>
<context>
    <name>CrashHook</name>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="92"/>
        <source>Произошла непредвиденная ошибка.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="95"/>
        <source>Ваши данные сохранены. Подробности записаны в журнал программы:
%1
Отправьте этот файл в службу поддержки.</source>
        <translation>Your data are saved. The details are in the program log:
%1
Please send this file to support.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="151"/>
        <source>ДД.ММ.ГГГГ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="153"/>
        <source>Выбрать дату в календаре (F4)</source>
        <translation>Pick the date in a calendar (F4)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="190"/>
        <source>Дата введена не полностью: нужны день, месяц и год — ДД.ММ.ГГГГ, например 05.03.2016.</source>
        <translation>The date is incomplete: day, month and year are needed — DD.MM.YYYY, e.g. 05.03.2016.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="193"/>
        <source>Такой даты нет: %1. Проверьте день и месяц.</source>
        <translation>There is no such date: %1. Check the day and the month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="195"/>
        <source>Дата не может быть раньше %1.</source>
        <translation>The date cannot be before %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="197"/>
        <source>Дата не может быть позже %1.</source>
        <translation>The date cannot be after %1.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="32"/>
        <source>Подключение к порталу ПФДО</source>
        <translation>Connect to the PFDO portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="37"/>
        <source>Этот компьютер ещё не подключён к региональному порталу. Введите адрес портала и одноразовый код подключения, который выдал муниципальный опорный центр.</source>
        <translation>This computer is not connected to the regional portal yet. Enter the portal address and the one-time enrolment code issued by the municipal support centre.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="46"/>
        <source>Подключить</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="49"/>
        <source>Адрес портала:</source>
        <translation>Portal address:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="50"/>
        <source>Код подключения:</source>
        <translation>Enrolment code:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="70"/>
        <source>Введите адрес портала.</source>
        <translation>Enter the portal address.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="76"/>
        <source>Адрес портала должен начинаться с http:// или https://, например https://pfdo.example.ru</source>
        <translation>The portal address must start with http:// or https://, for example https://pfdo.example.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="81"/>
        <source>Введите код подключения.</source>
        <translation>Enter the enrolment code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="93"/>
        <source>Подключение…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="112"/>
        <source>Подключение не удалось из-за внутренней ошибки.</source>
        <translation>Connecting failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ExportToExcel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="26"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="27"/>
        <source>Сохранить то, что показано на экране, в файл Excel (.xlsx)</source>
        <translation>Save what the screen shows to an Excel file (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="34"/>
        <source>Книга Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="57"/>
        <source>Сохраняю %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="66"/>
        <source>Сохранено: %1 (%2)</source>
        <translation>Saved: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="72"/>
        <source>Не удалось сохранить %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="77"/>
        <source>Файл не сохранён из-за внутренней ошибки.</source>
        <translation>The file was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="82"/>
        <source>Файл со списком детей</source>
        <translation>File with the list of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="85"/>
        <source>Книга Excel (.xlsx) или CSV. Первая строка — заголовки столбцов: ФИО (или фамилия, имя, отчество), дата рождения, СНИЛС, номер сертификата, представитель, телефон, e-mail.</source>
        <translation>An Excel workbook (.xlsx) or CSV. The first row holds the column headers: full name (or surname, first name, patronymic), date of birth, SNILS, certificate number, representative, phone, e-mail.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="90"/>
        <source>Путь к файлу .xlsx или .csv</source>
        <translation>Path to an .xlsx or .csv file</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="92"/>
        <source>Выбрать файл…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="100"/>
        <source>Читаю файл…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="126"/>
        <source>Список детей</source>
        <translation>List of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="128"/>
        <source>Таблицы (*.xlsx *.xlsm *.csv *.txt);;Все файлы (*)</source>
        <translation>Tables (*.xlsx *.xlsm *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="161"/>
        <source>В файле «%1» нет строк с детьми под заголовками.</source>
        <translation>The file “%1” has no rows of children under the headers.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="173"/>
        <source>Файл не прочитан из-за внутренней ошибки.</source>
        <translation>The file was not read because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="184"/>
        <source>Файл не загружен</source>
        <translation>File not loaded</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="185"/>
        <source>Ничего не изменено. Исправьте файл и выберите его снова.</source>
        <translation>Nothing was changed. Fix the file and choose it again.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="57"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="79"/>
        <source>Изменение не сохранено из-за внутренней ошибки.</source>
        <translation>The change was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="82"/>
        <source>Сохраняю…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="66"/>
        <source>Программа:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="67"/>
        <source>Педагог:</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="87"/>
        <source>Все программы</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="88"/>
        <source>Все педагоги</source>
        <translation>All teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="110"/>
        <source>Групп: %1</source>
        <translation>Groups: %1</translation>
    </message>
</context>
<context>
    <name>GroupsTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="63"/>
        <source>Добавить группу</source>
        <translation>Add group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="65"/>
        <source>Удалить группу</source>
        <translation>Delete group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="67"/>
        <source>Сохранить группу</source>
        <translation>Save group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="69"/>
        <source>Группа и её расписание уходят на портал при синхронизации, без модерации</source>
        <translation>The group and its schedule go to the portal with the next sync, without moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="76"/>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="248"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="78"/>
        <source>Например: Робототехника-1</source>
        <translation>E.g. Robotics-1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="97"/>
        <source>Название:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="101"/>
        <source>с</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="103"/>
        <source>по</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="106"/>
        <source>Сроки занятий:</source>
        <translation>Class dates:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="107"/>
        <source>Мест:</source>
        <translation>Places:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="108"/>
        <source>Педагог:</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="129"/>
        <source>Модуль:</source>
        <translation>Module:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="158"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="188"/>
        <source>Добавьте модуль на вкладке «Модули».</source>
        <translation>Add a module on the “Modules” tab.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="192"/>
        <source>Группы добавляются к модулю опубликованной программы: отправьте карточку на модерацию, а после публикации добавьте группы.</source>
        <translation>Groups are added to a module of a published programme: submit the card for moderation and add groups after publication.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="199"/>
        <source>Группы не входят в черновик карточки: каждую сохраняйте кнопкой «Сохранить группу» — она уйдёт на портал при синхронизации, без модерации.</source>
        <translation>Groups are not part of the card&apos;s draft: save each with “Save group” — it goes to the portal with the next sync, without moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="216"/>
        <source>изменена — нажмите «Сохранить группу»</source>
        <translation>changed — press “Save group”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="218"/>
        <source>ожидает отправки</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="246"/>
        <source>Группа «%1»</source>
        <translation>Group “%1”</translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="16"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="225"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="17"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="18"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="228"/>
        <source>Педагог</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="19"/>
        <source>Детей</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="20"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="229"/>
        <source>Расписание</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="47"/>
        <source>%1
Модуль: %2
Занятия: %3
с %4 по %5</source>
        <translation>%1
Module: %2
Lessons: %3
from %4 to %5</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="226"/>
        <source>Сроки</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="227"/>
        <source>Мест</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="230"/>
        <source>Замечание</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="105"/>
        <source>Отчёт для подписи…</source>
        <translation>Report to sign…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="106"/>
        <source>Одна страница: показатели и графики, подпись руководителя</source>
        <translation>One page: the indicators and the charts, signed by the head</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="109"/>
        <source>Месяц:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="118"/>
        <source>Показатель</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="118"/>
        <source>За месяц</source>
        <translation>For the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="118"/>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="119"/>
        <source>Доля</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="119"/>
        <source>С начала года</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="165"/>
        <source>Считаю показатели за %1…</source>
        <translation>Computing the indicators for %1…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="188"/>
        <source>по данным на %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="189"/>
        <source>портал ещё не синхронизирован: показаны данные этого ПК</source>
        <translation>not synced with the portal yet: this PC&apos;s data</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="251"/>
        <source>Экспорт показателей в Excel</source>
        <translation>Export the indicators to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="252"/>
        <source>Показатели</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="261"/>
        <source>листов: %1</source>
        <translation>sheets: %1</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="93"/>
        <source>Нет замечаний: портал принял все изменения.</source>
        <translation>Nothing to review: the portal accepted every change.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="95"/>
        <source>Отметить как прочитанное</source>
        <translation>Mark as read</translation>
    </message>
</context>
<context>
    <name>IssuesTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="32"/>
        <source>Когда</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="33"/>
        <source>Что случилось</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="34"/>
        <source>Причина (ответ портала)</source>
        <translation>Reason (the portal&apos;s answer)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="35"/>
        <source>Что делать</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="36"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="60"/>
        <source>Код причины (для службы поддержки): %1</source>
        <translation>Reason code (for support): %1</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="64"/>
        <source>был</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="65"/>
        <source>не был</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="66"/>
        <source>болел</source>
        <translation>ill</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="67"/>
        <source>уважительная причина</source>
        <translation>excused</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="75"/>
        <source>Занятие не проведено по вине исполнителя</source>
        <translation>Lesson not held through the provider&apos;s fault</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="78"/>
        <source>Занятие перенесено с %1</source>
        <translation>Lesson moved from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="233"/>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="267"/>
        <source>сегодня</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="236"/>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="260"/>
        <source>занятия нет в новом расписании; оставлено, потому что есть отметки</source>
        <translation>not in the new schedule; kept because it has marks</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="269"/>
        <source>будущее занятие: в итоги войдёт, когда пройдёт</source>
        <translation>future lesson: counted in the totals once it is held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="273"/>
        <source>Был на занятиях / проведено занятий (будущие не считаются)</source>
        <translation>Attended / lessons held (future ones not counted)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="282"/>
        <source>Присутствовали</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="285"/>
        <source>Дата рождения: %1</source>
        <translation>Date of birth: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="291"/>
        <source>Сертификат № %1</source>
        <translation>Certificate No. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="295"/>
        <source>В группе с %1</source>
        <translation>In the group since %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="300"/>
        <source>по %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="325"/>
        <source>Занятие ещё не прошло</source>
        <translation>The lesson has not been held yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="364"/>
        <source> — отметки на нём не ставятся</source>
        <translation> — no marks are set on it</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="367"/>
        <source>%1 ребёнок не числился в группе</source>
        <translation>On %1 the child was not a member of the group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="372"/>
        <source>месяц закрыт для оплаты: отметки не меняются</source>
        <translation>the month is closed for payment: its marks no longer change</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="149"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="275"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="336"/>
        <source>Выберите группу слева</source>
        <translation>Choose a group on the left</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="162"/>
        <source>Предыдущий месяц</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="166"/>
        <source>Следующий месяц</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="175"/>
        <source>Печать журнала</source>
        <translation>Print journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="177"/>
        <source>Журнал посещаемости группы за этот месяц: предпросмотр и печать (Ctrl+P)</source>
        <translation>The group&apos;s attendance journal for this month: preview and print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="182"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="183"/>
        <source>Журнал группы за этот месяц в файл Excel (.xlsx); стрелка — все группы за месяц, лист на группу</source>
        <translation>The group&apos;s journal for this month to an Excel file (.xlsx); the arrow: every group of the month, a sheet per group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="187"/>
        <source>Эта группа за месяц…</source>
        <translation>This group for the month…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="189"/>
        <source>Все группы за месяц…</source>
        <translation>All groups for the month…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="285"/>
        <source>с %1 по %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="341"/>
        <source>ПК не подключён к порталу</source>
        <translation>This PC is not connected to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="342"/>
        <source>Групп пока нет</source>
        <translation>No groups yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="343"/>
        <source>Загружаю группы с портала…</source>
        <translation>Loading groups from the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="351"/>
        <source>Подключите ПК к порталу: нажмите «Подключить к порталу…» и введите одноразовый код, который выдаёт муниципальный опорный центр. После подключения группы загрузятся с портала.</source>
        <translation>Connect this PC to the portal: click &quot;Connect to the portal…&quot; and enter the one-time code issued by the municipal support centre. Once connected, the groups will be loaded from the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="355"/>
        <source>Подключить к порталу…</source>
        <translation>Connect to the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="359"/>
        <source>Групп пока нет. Нажмите «Синхронизировать», чтобы загрузить группы с портала.</source>
        <translation>No groups yet. Click &quot;Synchronise&quot; to load the groups from the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="363"/>
        <source>⟳ Синхронизировать</source>
        <translation>⟳ Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="367"/>
        <source>Идёт первая синхронизация: группы, дети и расписания загружаются с портала. Ход загрузки — внизу окна.</source>
        <translation>The first synchronisation is running: groups, children and schedules are being loaded from the portal. Progress is shown at the bottom of the window.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="393"/>
        <source>Занятие %1 не проведено по вине исполнителя: отметки на нём не ставятся. Если занятие было, отметьте его проведённым (меню заголовка столбца) и повторите отметку.</source>
        <translation>The lesson of %1 was not held through the provider&apos;s fault: no marks are set on it. If the lesson took place, mark it as held (the column header&apos;s menu) and set the mark again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="398"/>
        <source>Месяц %1 уже закрыт для оплаты: отметки за него не меняются. Если отметка неверна, обратитесь в уполномоченную организацию.</source>
        <translation>The month %1 is already closed for payment: its marks no longer change. If a mark is wrong, contact the authorised organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="402"/>
        <source>%1 ребёнок не числился в группе: отметку поставить нельзя.</source>
        <translation>On %1 the child was not a member of the group: no mark can be set.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="430"/>
        <source>Отметка не сохранена из-за внутренней ошибки.</source>
        <translation>The mark was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="471"/>
        <source>Очистить   (Delete)</source>
        <translation>Clear   (Delete)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="493"/>
        <source>Занятие не проведено по вине исполнителя…</source>
        <translation>Lesson not held through the provider&apos;s fault…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="496"/>
        <source>Перенести занятие на…</source>
        <translation>Move the lesson to…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="498"/>
        <source>Занятие проведено</source>
        <translation>Lesson held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="555"/>
        <source>Состояние занятия не сохранено из-за внутренней ошибки.</source>
        <translation>The lesson&apos;s state was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="588"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="590"/>
        <source>Журнал</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="588"/>
        <source>все группы</source>
        <translation>all groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="591"/>
        <source>Экспорт журнала в Excel</source>
        <translation>Export the journal to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="603"/>
        <source>групп: %1</source>
        <translation>groups: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="637"/>
        <source>Выберите группу в списке слева, чтобы открыть журнал.</source>
        <translation>Choose a group in the list on the left to open its journal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="639"/>
        <source>В этом месяце в группе нет детей.</source>
        <translation>The group has no children this month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="641"/>
        <source>В этом месяце у группы нет занятий по расписанию.</source>
        <translation>The group has no scheduled lessons this month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="668"/>
        <source>Пробел — был, Delete — очистить, двойной щелчок — следующая отметка, правая кнопка — меню. Серые клетки — ребёнок не числился в группе.</source>
        <translation>Space — present, Delete — clear, double click — next mark, right button — menu. Grey cells — the child was not a member of the group.</translation>
    </message>
</context>
<context>
    <name>MainTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="74"/>
        <source>Как в приказе об утверждении программы</source>
        <translation>As in the order approving the programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="76"/>
        <source>Для списков и журнала</source>
        <translation>For lists and the journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="78"/>
        <source>О чём программа: для родителей на портале</source>
        <translation>What the programme is about: for parents on the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="80"/>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="84"/>
        <source>— выберите —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="81"/>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="83"/>
        <source>— не указан —</source>
        <translation>— not set —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="82"/>
        <source>— не указана —</source>
        <translation>— not set —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="90"/>
        <source>Полных лет: от %1 до %2</source>
        <translation>Full years: from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="96"/>
        <source> нед.</source>
        <translation> wk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="99"/>
        <source>Нужна медицинская справка</source>
        <translation>Medical certificate required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="102"/>
        <source>Добавить адрес</source>
        <translation>Add address</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="102"/>
        <source>Адрес, где идут занятия</source>
        <translation>Address where classes take place</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="104"/>
        <source>Добавить педагога</source>
        <translation>Add teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="104"/>
        <source>ФИО педагога</source>
        <translation>Teacher&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="127"/>
        <source>Полное название:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="128"/>
        <source>Краткое название:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="129"/>
        <source>Аннотация:</source>
        <translation>Annotation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="130"/>
        <source>Направленность:</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="131"/>
        <source>Вид:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="132"/>
        <source>Форма обучения:</source>
        <translation>Form of study:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="133"/>
        <source>Уровень:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="134"/>
        <source>Реестр:</source>
        <translation>Registry:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="138"/>
        <source>от</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="140"/>
        <source>до</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="142"/>
        <source>лет (включительно)</source>
        <translation>years (inclusive)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="144"/>
        <source>Возраст детей:</source>
        <translation>Children&apos;s age:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="145"/>
        <source>Продолжительность:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="150"/>
        <source>Принимает детей с ОВЗ</source>
        <translation>Accepts children with disabilities</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="157"/>
        <source>Адреса:</source>
        <translation>Addresses:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="158"/>
        <source>Педагоги:</source>
        <translation>Teachers:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="70"/>
        <source>Главная</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="75"/>
        <source>⟳ Синхронизировать</source>
        <translation>⟳ Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="77"/>
        <source>Отправить отметки на портал и получить изменения (F5)</source>
        <translation>Send the marks to the portal and receive changes (F5)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="80"/>
        <source>Подключить к порталу…</source>
        <translation>Connect to the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="85"/>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="290"/>
        <source>Требует внимания: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="114"/>
        <source>Журнал</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="115"/>
        <source>Дети и сертификаты</source>
        <translation>Children and certificates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="116"/>
        <source>Заявки</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="117"/>
        <source>Программы</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="118"/>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="119"/>
        <source>Показатели</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="132"/>
        <source>Печать…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="150"/>
        <source>Требует внимания</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="171"/>
        <source>Отменить</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="291"/>
        <source>Изменения, которые портал не принял, и что с ними делать</source>
        <translation>Changes the portal did not accept, and what to do about them</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="314"/>
        <source>ПК не подключён к порталу</source>
        <translation>This PC is not connected to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="317"/>
        <source>Не отправлено: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="321"/>
        <source>Синхронизация: %1</source>
        <translation>Synchronised: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="323"/>
        <source>Синхронизаций ещё не было</source>
        <translation>Never synchronised</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="331"/>
        <source>(демо)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="360"/>
        <source>&amp;Файл</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="362"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="365"/>
        <source>Резервные копии…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="369"/>
        <source>Выход</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="373"/>
        <source>&amp;Сервис</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="376"/>
        <source>Настройки…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="379"/>
        <source>С&amp;правка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="380"/>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="449"/>
        <source>Горячие клавиши</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="383"/>
        <source>Журнал программы</source>
        <translation>Application log</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="386"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="419"/>
        <source>На этом экране выгружать в Excel нечего.</source>
        <translation>This screen has nothing to export to Excel.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="439"/>
        <source>Язык интерфейса сменится после перезапуска программы.</source>
        <translation>The interface language changes after a restart.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="445"/>
        <source>Журнал, Дети, Заявки, Программы, Оплата, Показатели</source>
        <translation>Journal, Children, Applications, Programmes, Payment, Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="446"/>
        <source>Синхронизировать</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="446"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="447"/>
        <source>был, не был, болел, уважительная причина (в журнале)</source>
        <translation>present, absent, ill, excused (in the journal)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="448"/>
        <source>Пробел</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="448"/>
        <source>был</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="448"/>
        <source>очистить отметку</source>
        <translation>clear the mark</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="518"/>
        <source>Группа не найдена в списке: сбросьте фильтры групп.</source>
        <translation>The group is not in the list: reset the group filters.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="548"/>
        <source>Синхронизация…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="562"/>
        <source>Отправка %1 из %2</source>
        <translation>Sending %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="564"/>
        <source>Получено записей: %1</source>
        <translation>Records received: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="566"/>
        <source>Связь с порталом…</source>
        <translation>Contacting the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="584"/>
        <source>Останавливаю синхронизацию…</source>
        <translation>Stopping the synchronisation…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="607"/>
        <source>Синхронизация завершена: отправлено %1, получено %2, отклонено %3</source>
        <translation>Synchronisation finished: %1 sent, %2 received, %3 rejected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="620"/>
        <source>Синхронизация не удалась: %1</source>
        <translation>Synchronisation failed: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="622"/>
        <source>Синхронизация не удалась из-за внутренней ошибки.</source>
        <translation>Synchronisation failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="195"/>
        <source>Столбцы</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="198"/>
        <source>Укажите, в каком столбце файла что записано. Обязательны ФИО (или фамилия и имя) и дата рождения; остальное — если есть.</source>
        <translation>Say which column of the file holds what. The full name (or surname and first name) and the date of birth are required; the rest if present.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="236"/>
        <source>Сопоставление из прошлого импорта файла с такими же столбцами.</source>
        <translation>Mapping from the last import of a file with the same columns.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="238"/>
        <source>Столбцы угаданы по заголовкам — проверьте.</source>
        <translation>Columns guessed from the headers — check them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="244"/>
        <source>— нет в файле —</source>
        <translation>— not in the file —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="249"/>
        <source>%1: «%2»</source>
        <translation>%1: “%2”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="251"/>
        <source> (например, %1)</source>
        <translation> (e.g. %1)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="279"/>
        <source>Не выбраны обязательные столбцы: %1. Без них строки не проверить.</source>
        <translation>Required columns not chosen: %1. Rows cannot be checked without them.</translation>
    </message>
</context>
<context>
    <name>ModulesTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="64"/>
        <source>Добавить модуль</source>
        <translation>Add module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="66"/>
        <source>Удалить модуль</source>
        <translation>Delete module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="70"/>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="182"/>
        <source>Модуль (год обучения)</source>
        <translation>Module (year of study)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="72"/>
        <source>Например: 1-й год обучения</source>
        <translation>E.g. 1st year of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="76"/>
        <source> ч</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="89"/>
        <source>бесплатно</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="101"/>
        <source>Название:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="103"/>
        <source>Часов:</source>
        <translation>Hours:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="107"/>
        <source>от</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="109"/>
        <source>до</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="112"/>
        <source>Детей в группе:</source>
        <translation>Children per group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="113"/>
        <source>Цена:</source>
        <translation>Price:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="114"/>
        <source>Нормативная стоимость:</source>
        <translation>Normative cost:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="117"/>
        <source>Цена не выше нормативной стоимости × %1 (предел региона)</source>
        <translation>Price not above the normative cost × %1 (the region&apos;s cap)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="180"/>
        <source>Модуль %1</source>
        <translation>Module %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="261"/>
        <source>есть замечания в группах: вкладка «Группы»</source>
        <translation>problems in groups: see the “Groups” tab</translation>
    </message>
</context>
<context>
    <name>ModulesTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="186"/>
        <source>Модуль</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="187"/>
        <source>Часов</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="188"/>
        <source>Детей в группе</source>
        <translation>Children per group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="189"/>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="190"/>
        <source>Нормативная стоимость</source>
        <translation>Normative cost</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="191"/>
        <source>Групп</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="192"/>
        <source>Замечание</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>MoveLessonDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="74"/>
        <source>Перенос занятия</source>
        <translation>Move a lesson</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="75"/>
        <source>Перенести занятие %1 на другой день. Отметки детей ставятся в день, на который занятие перенесено.</source>
        <translation>Move the lesson of %1 to another day. Children&apos;s marks are set on the day the lesson is moved to.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="82"/>
        <source>Причина (необязательно)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="83"/>
        <source>Новая дата:</source>
        <translation>New date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="96"/>
        <source>Укажите дату, на которую переносится занятие.</source>
        <translation>Give the date the lesson is moved to.</translation>
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="95"/>
        <source>Новая заявка</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="100"/>
        <source>ФИО, дата рождения, сертификат или СНИЛС</source>
        <translation>Name, date of birth, certificate or SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="116"/>
        <source>10 цифр из заявления родителя</source>
        <translation>10 digits from the parent&apos;s application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="141"/>
        <source>Подать заявку</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="144"/>
        <source>Найти ребёнка:</source>
        <translation>Find a child:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="145"/>
        <source>Ребёнок:</source>
        <translation>Child:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="146"/>
        <source>Группа:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="148"/>
        <source>Дата начала обучения:</source>
        <translation>Start date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="149"/>
        <source>Номер сертификата:</source>
        <translation>Certificate number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="150"/>
        <source>Предварительная проверка (окончательно решает портал):</source>
        <translation>Pre-check (the portal makes the final decision):</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="184"/>
        <source>— выберите группу —</source>
        <translation>— choose a group —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="209"/>
        <source>— найдите ребёнка по ФИО, дате рождения или сертификату —</source>
        <translation>— find a child by name, date of birth or certificate —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="211"/>
        <source>— никого не нашлось —</source>
        <translation>— nobody found —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="301"/>
        <source>Номер сертификата — ровно 10 цифр, а введено %1: сверьте с заявлением родителя</source>
        <translation>A certificate number has exactly 10 digits, %1 entered: check it against the parent&apos;s application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="322"/>
        <source>Совпадает с номером сертификата ребёнка на этом ПК.</source>
        <translation>Matches the child&apos;s certificate number on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="324"/>
        <source>Номер сверит портал при подаче заявки.</source>
        <translation>The portal will check the number when the application is sent.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="326"/>
        <source>Обязательно: номер из заявления родителя.</source>
        <translation>Required: the number from the parent&apos;s application.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="328"/>
        <source>Для этой программы номер можно не указывать.</source>
        <translation>For this programme the number may be left empty.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="340"/>
        <source>Выберите ребёнка.</source>
        <translation>Choose a child.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="340"/>
        <source>Выберите группу.</source>
        <translation>Choose a group.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="347"/>
        <source>Укажите дату начала обучения (ДД.ММ.ГГГГ).</source>
        <translation>Enter the start date (DD.MM.YYYY).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="351"/>
        <source>Дата начала обучения: %1</source>
        <translation>Start date: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="376"/>
        <source>занятия с %1 по %2</source>
        <translation>classes from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="391"/>
        <source>Свободных мест: %1 из %2.</source>
        <translation>Free places: %1 of %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="398"/>
        <source>Заявку не примут — причин: %1</source>
        <translation>The application will be refused — reasons: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="401"/>
        <source>Что делать:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="418"/>
        <source>Ребёнка можно записать в эту группу.</source>
        <translation>The child can be enrolled in this group.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="427"/>
        <source>Стоимость по договору</source>
        <translation>Contract price</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="428"/>
        <source>за %1 мес.</source>
        <translation>for %1 months</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="430"/>
        <source>Оплачивает сертификат</source>
        <translation>Paid by the certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="431"/>
        <source>Доплачивает родитель</source>
        <translation>Paid by the parent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="432"/>
        <source>Остаток сертификата после резерва</source>
        <translation>Certificate balance after the reserve</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="437"/>
        <source>По месяцам (сертификат / родитель)</source>
        <translation>Per month (certificate / parent)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="438"/>
        <source>первый месяц %1 / %2, далее %3 / %4</source>
        <translation>first month %1 / %2, then %3 / %4</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="451"/>
        <source>Сертификат покрывает не всё: родитель доплачивает разницу.</source>
        <translation>The certificate does not cover everything: the parent pays the difference.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="463"/>
        <source>Платная программа: сертификат не используется.</source>
        <translation>Paid programme: the certificate is not used.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="465"/>
        <source>Программа из реестра «%1»: оплата по сертификату не списывается.</source>
        <translation>Programme of the “%1” registry: nothing is charged to the certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="498"/>
        <source>Заявка не сохранена из-за внутренней ошибки.</source>
        <translation>The application was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>NewChildDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="76"/>
        <source>Новый ребёнок</source>
        <translation>New child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="82"/>
        <source>Запрос уйдёт на портал при синхронизации. Портал найдёт ребёнка в реестре по ФИО и дате рождения (и СНИЛС) или создаст нового с сертификатом учёта.</source>
        <translation>The request goes to the portal with the next sync. The portal finds the child in the registry by name and date of birth (and SNILS) or creates a new one with an accounting certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="90"/>
        <source>Иванов</source>
        <translation>Ivanov</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="91"/>
        <source>Иван</source>
        <translation>Ivan</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="92"/>
        <source>Иванович (если есть)</source>
        <translation>Ivanovich (if any)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="102"/>
        <source>IV-МЮ 123456</source>
        <translation>IV-МЮ 123456</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="104"/>
        <source>10 цифр, если есть</source>
        <translation>10 digits, if any</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="106"/>
        <source>Иванова</source>
        <translation>Ivanova</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="107"/>
        <source>Мария</source>
        <translation>Maria</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="108"/>
        <source>Петровна</source>
        <translation>Petrovna</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="133"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="135"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="146"/>
        <source>Фамилия:</source>
        <translation>Surname:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="136"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="147"/>
        <source>Имя:</source>
        <translation>First name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="137"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="148"/>
        <source>Отчество:</source>
        <translation>Patronymic:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="138"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="139"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="140"/>
        <source>Документ:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="141"/>
        <source>Серия и номер:</source>
        <translation>Series and number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="142"/>
        <source>Сертификат:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="144"/>
        <source>Родитель (законный представитель)</source>
        <translation>Parent (legal representative)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="149"/>
        <source>Кем приходится:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="150"/>
        <source>Телефон:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="151"/>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="161"/>
        <source>Открыть карточку</source>
        <translation>Open the card</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="168"/>
        <source>Отправить запрос</source>
        <translation>Send request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="323"/>
        <source>%1
Новый запрос не нужен: откройте карточку этого ребёнка.</source>
        <translation>%1
No new request is needed: open this child&apos;s card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="314"/>
        <source>Запрос не сохранён из-за внутренней ошибки.</source>
        <translation>The request was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="90"/>
        <source>Заявка на аванс</source>
        <translation>Advance request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="91"/>
        <source>Заявка на аванс за текущий месяц: предпросмотр и печать</source>
        <translation>The advance request for the current month: preview and print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="93"/>
        <source>Счёт за месяц</source>
        <translation>Invoice for the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="95"/>
        <source>Счёт с приложением за выбранный месяц: предпросмотр и печать</source>
        <translation>The invoice with its annex for the chosen month: preview and print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="97"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="100"/>
        <source>Месяц:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="108"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="108"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="108"/>
        <source>Запланировано</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="108"/>
        <source>Проведено</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="109"/>
        <source>Не проведено</source>
        <translation>Not held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="109"/>
        <source>Объём, %</source>
        <translation>Completeness, %</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="109"/>
        <source>Договоров</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="109"/>
        <source>Сертификаты, ₽</source>
        <translation>Certificates, ₽</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="110"/>
        <source>Родители, ₽</source>
        <translation>Parents, ₽</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="120"/>
        <source>Двойной щелчок или Enter — открыть журнал на этом занятии</source>
        <translation>Double-click or Enter opens the journal at this lesson</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="129"/>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="132"/>
        <source>Отправить на портал</source>
        <translation>Send to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="130"/>
        <source>Отправить заявку на аванс за текущий месяц на портал</source>
        <translation>Send the advance request for the current month to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="133"/>
        <source>Отправить счёт за выбранный месяц на портал</source>
        <translation>Send the invoice for the chosen month to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="229"/>
        <source>Заявка на аванс за %1</source>
        <translation>Advance request for %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="229"/>
        <source>Счёт за %1</source>
        <translation>Invoice for %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="232"/>
        <source>%1: ещё не отправлена на портал</source>
        <translation>%1: not sent to the portal yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="233"/>
        <source>%1: ещё не отправлен на портал</source>
        <translation>%1: not sent to the portal yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="246"/>
        <source>За этот месяц уже выставлен счёт: аванс после счёта не подаётся</source>
        <translation>The month is already invoiced: no advance after the invoice</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="248"/>
        <source>Можно отправить с %1</source>
        <translation>Can be sent from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="250"/>
        <source>Документ за этот месяц уже отправлен или ждёт отправки</source>
        <translation>The document for this month is already sent or waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="252"/>
        <source>Отправить на портал (уйдёт при следующей синхронизации)</source>
        <translation>Send to the portal (goes with the next sync)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="278"/>
        <source>Договоров: %1 · по сертификатам к оплате: %2 · родители: %3</source>
        <translation>Contracts: %1 · due by certificates: %2 · parents: %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="283"/>
        <source>Месяц нельзя закрыть, пока не исправлено:</source>
        <translation>The month cannot be closed until this is fixed:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="285"/>
        <source>Препятствий для закрытия месяца нет.</source>
        <translation>Nothing prevents closing the month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="344"/>
        <source>В очереди: %1. Уйдёт на портал при следующей синхронизации.</source>
        <translation>Queued: %1. It goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="362"/>
        <source>Экспорт месяца в Excel</source>
        <translation>Export the month to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="363"/>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="374"/>
        <source>договоров: %1</source>
        <translation>contracts: %1</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="128"/>
        <source>Предпросмотр: %1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="145"/>
        <source>Страниц: %1</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="151"/>
        <source>Печать…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="154"/>
        <source>Сохранить PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="156"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="216"/>
        <source>Печать: %1</source>
        <translation>Print: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="230"/>
        <source>Отправлено на печать страниц: %1</source>
        <translation>Pages sent to the printer: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="232"/>
        <source>Принтер не принял задание: проверьте, что он включён и выбран.</source>
        <translation>The printer did not accept the job: check that it is on and selected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="280"/>
        <source>Сохранить PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="280"/>
        <source>Документ PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="291"/>
        <source>Файл не сохранён: %1</source>
        <translation>File not saved: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="294"/>
        <source>Сохранено: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="298"/>
        <source>Проверка строк</source>
        <translation>Checking the rows</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="301"/>
        <source>Красные строки с ошибками и жёлтые (ребёнок уже есть в базе) будут пропущены; причина — в столбце «Проверка», целиком — под таблицей для выбранной строки.</source>
        <translation>Red rows (errors) and yellow rows (the child is already known) are skipped; the reason is in the “Check” column, in full under the table for the chosen row.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="306"/>
        <source>Импортировать</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="355"/>
        <source>Проверяю строки…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="365"/>
        <source>Строки не проверены из-за внутренней ошибки: ничего не изменено.</source>
        <translation>The rows were not checked because of an internal error: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="375"/>
        <source>Выберите строку, чтобы прочитать причину целиком.</source>
        <translation>Choose a row to read the whole reason.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="380"/>
        <source>Строк в файле: %1. Будут импортированы: %2. С ошибками: %3. Уже есть в базе: %4.</source>
        <translation>Rows in the file: %1. To import: %2. With errors: %3. Already known: %4.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="387"/>
        <source>Импортировать нечего: исправьте файл или столбцы.</source>
        <translation>Nothing to import: fix the file or the columns.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="397"/>
        <source>Строка %1: </source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="399"/>
        <source>будет импортирована.</source>
        <translation>will be imported.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="429"/>
        <source>Импорт…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="447"/>
        <source>Импорт не выполнен из-за внутренней ошибки: ничего не изменено.</source>
        <translation>The import failed because of an internal error: nothing was changed.</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="189"/>
        <source>Печатать нечего: документов нет.</source>
        <translation>Nothing to print: there are no documents.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="267"/>
        <source>Отменяю…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="294"/>
        <source>PDF открыт в программе просмотра; файл: %1</source>
        <translation>The PDF is open in the system viewer; file: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="327"/>
        <source>Документ не напечатан из-за внутренней ошибки.</source>
        <translation>The document was not printed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ProgramCardView</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="92"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="93"/>
        <source>Вид</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="94"/>
        <source>Форма обучения</source>
        <translation>Form of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="95"/>
        <source>Уровень</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="96"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="97"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="98"/>
        <source>Продолжительность</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="98"/>
        <source>%1 нед.</source>
        <translation>%1 wk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="99"/>
        <source>ОВЗ</source>
        <translation>Disabilities (OVZ)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="99"/>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="101"/>
        <source>Медицинская справка</source>
        <translation>Medical certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="102"/>
        <source>нужна</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="102"/>
        <source>не нужна</source>
        <translation>not required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="104"/>
        <source>Адреса</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="105"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="113"/>
        <source>Аннотация</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="115"/>
        <source>Модули</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="118"/>
        <source>Модулей нет.</source>
        <translation>No modules.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="120"/>
        <source>мест: %1</source>
        <translation>places: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="121"/>
        <source>расписание не задано</source>
        <translation>no schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="123"/>
        <source>%1 ч, детей в группе %2–%3, цена %4, нормативная стоимость %5</source>
        <translation>%1 h, %2–%3 children per group, price %4, normative cost %5</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="56"/>
        <source>Выберите программу в списке, чтобы увидеть её карточку.</source>
        <translation>Choose a programme in the list to see its card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="63"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="64"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="73"/>
        <source>Замечание модератора: %1</source>
        <translation>Moderator&apos;s comment: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="75"/>
        <source>Портал не принял карточку: %1</source>
        <translation>The portal refused the card: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="81"/>
        <source>Карточка изменена на портале, пока правился черновик: откройте редактор, чтобы сверить.</source>
        <translation>The card changed on the portal while the draft was being edited: open the editor to compare.</translation>
    </message>
</context>
<context>
    <name>ProgramEditorDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="95"/>
        <source>Новая программа</source>
        <translation>New programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="96"/>
        <source>Программа: %1</source>
        <translation>Programme: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="105"/>
        <source>Основное</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="106"/>
        <source>Модули</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="107"/>
        <source>Группы</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="115"/>
        <source>Сохранить черновик</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="118"/>
        <source>Отправить на модерацию</source>
        <translation>Submit for moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="120"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="163"/>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="304"/>
        <source>Показать версию портала</source>
        <translation>Show the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="166"/>
        <source>Оставить мой черновик</source>
        <translation>Keep my draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="168"/>
        <source>Черновик ляжет поверх новой версии портала; его можно будет отправить на модерацию</source>
        <translation>The draft is placed on top of the portal&apos;s new version; it can then be submitted for moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="171"/>
        <source>Взять версию портала</source>
        <translation>Take the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="172"/>
        <source>Удалить черновик и открыть карточку, как она на портале</source>
        <translation>Delete the draft and open the card as it is on the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="270"/>
        <source>Карточка изменена на портале после того, как вы начали черновик. Черновик сохранён на ПК; сравните его с версией портала и решите, что отправить.</source>
        <translation>The card changed on the portal after you started the draft. The draft is kept on this PC; compare it with the portal&apos;s version and decide what to send.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="280"/>
        <source>Эту карточку сейчас изменить нельзя.</source>
        <translation>This card cannot be changed now.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="283"/>
        <source>(без комментария)</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="286"/>
        <source>Модератор вернул карточку на доработку: «%1». Исправьте и отправьте снова — это будет новая редакция.</source>
        <translation>The moderator returned the card for revision: “%1”. Fix it and submit again — it will be a new revision.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="304"/>
        <source>Скрыть версию портала</source>
        <translation>Hide the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="321"/>
        <source>Сохраняю выбор…</source>
        <translation>Saving the choice…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="336"/>
        <source>Черновик оставлен: его можно отправить на модерацию.</source>
        <translation>Draft kept: it can be submitted for moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="338"/>
        <source>В редакторе — карточка с портала; черновик удалён.</source>
        <translation>The editor shows the portal&apos;s card; the draft was deleted.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="379"/>
        <source>Сохраняю черновик…</source>
        <translation>Saving the draft…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="387"/>
        <source>Черновик сохранён на ПК. На портал он уйдёт, когда вы отправите его на модерацию.</source>
        <translation>Draft saved on this PC. It goes to the portal when you submit it for moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="401"/>
        <source>Сначала решите расхождение с порталом: «Оставить мой черновик» или «Взять версию портала».</source>
        <translation>First resolve the difference with the portal: “Keep my draft” or “Take the portal&apos;s version”.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="412"/>
        <source>Карточка не отправлена: исправьте замечания (%1).</source>
        <translation>The card was not submitted: fix the problems (%1).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="363"/>
        <source>Отправляю на модерацию…</source>
        <translation>Submitting for moderation…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="451"/>
        <source>Портал не примет карточку: исправьте замечания.</source>
        <translation>The portal will not accept the card: fix the problems.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="461"/>
        <source>Карточка не сохранена из-за внутренней ошибки.</source>
        <translation>The card was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="487"/>
        <source>Сохраняю группу…</source>
        <translation>Saving the group…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="493"/>
        <source>Группа сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Group saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="505"/>
        <source>Есть несохранённые изменения (черновик или группы). Сохраните их или нажмите «Закрыть» ещё раз, чтобы выйти без сохранения.</source>
        <translation>There are unsaved changes (draft or groups). Save them or press “Close” again to leave without saving.</translation>
    </message>
</context>
<context>
    <name>ProgramTexts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="19"/>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="24"/>
        <source>лет</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="21"/>
        <source>год</source>
        <translation>year</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="23"/>
        <source>года</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="68"/>
        <source>на доработке: %1</source>
        <translation>returned for revision: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="72"/>
        <source>%1 · новая редакция на модерации</source>
        <translation>%1 · new revision under moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="77"/>
        <source>%1 · изменена на портале: сверьте черновик</source>
        <translation>%1 · changed on the portal: check the draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="81"/>
        <source>черновик на ПК</source>
        <translation>draft on this PC</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="85"/>
        <source>портал не принял: %1</source>
        <translation>refused by the portal: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="105"/>
        <source>по датам: %1</source>
        <translation>by dates: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="238"/>
        <source>Полное название</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="239"/>
        <source>Краткое название</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="240"/>
        <source>Аннотация</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="241"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="242"/>
        <source>Вид</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="243"/>
        <source>Форма обучения</source>
        <translation>Form of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="244"/>
        <source>Уровень</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="245"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="246"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="247"/>
        <source>Продолжительность, недель</source>
        <translation>Duration, weeks</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="248"/>
        <source>ОВЗ</source>
        <translation>Disabilities (OVZ)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="249"/>
        <source>Медицинская справка</source>
        <translation>Medical certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="250"/>
        <source>Адреса</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="251"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="273"/>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="275"/>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="281"/>
        <source>Модуль %1</source>
        <translation>Module %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="285"/>
        <source>%1: %2 ч, детей %3–%4, цена %5, норматив %6</source>
        <translation>%1: %2 h, %3–%4 children, price %5, normative %6</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="302"/>
        <source>%1, группа «%2»</source>
        <translation>%1, group “%2”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="305"/>
        <source>%1, мест %2, %3; %4</source>
        <translation>%1, %2 places, %3; %4</translation>
    </message>
</context>
<context>
    <name>ProgramsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="77"/>
        <source>Название или педагог</source>
        <translation>Name or teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="81"/>
        <source>Все направленности</source>
        <translation>All directions</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="87"/>
        <source>любого</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="88"/>
        <source> лет</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="90"/>
        <source>Программы, которые принимают ребёнка этого возраста</source>
        <translation>Programmes that accept a child of this age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="92"/>
        <source>Все реестры</source>
        <translation>All registries</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="96"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="100"/>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="177"/>
        <source>Все педагоги</source>
        <translation>All teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="120"/>
        <source>Новая программа…</source>
        <translation>New programme…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="122"/>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="280"/>
        <source>Редактировать…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="134"/>
        <source>для возраста</source>
        <translation>for age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="220"/>
        <source>Программ: %1 из %2</source>
        <translation>Programmes: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="222"/>
        <source>Программ: %1</source>
        <translation>Programmes: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="241"/>
        <source>Все направленности (%1)</source>
        <translation>All directions (%1)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="280"/>
        <source>Открыть…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="289"/>
        <source>Экспорт каталога программ в Excel</source>
        <translation>Export the programme catalogue to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="290"/>
        <source>Программы</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="301"/>
        <source>программ: %1</source>
        <translation>programmes: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="377"/>
        <source>Черновик сохранён на ПК.</source>
        <translation>Draft saved on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="381"/>
        <source>Карточка отправлена на модерацию: она уйдёт на портал при синхронизации.</source>
        <translation>The card was submitted for moderation: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="384"/>
        <source>Группа сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Group saved: it goes to the portal with the next sync.</translation>
    </message>
</context>
<context>
    <name>ProgramsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="47"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="48"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="49"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="50"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="51"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="52"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="53"/>
        <source>Мод./гр.</source>
        <translation>Mod./gr.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="74"/>
        <source>Модулей / групп</source>
        <translation>Modules / groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="95"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="123"/>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="144"/>
        <source>Готовлю документы…</source>
        <translation>Preparing the documents…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="127"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="139"/>
        <source>Документ %1 из %2</source>
        <translation>Document %1 of %2</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="461"/>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="476"/>
        <source>Импортировано: %1 — запросы на новых детей уйдут на портал при синхронизации; портал найдёт каждого в реестре или создаст с сертификатом учёта. Пропущено строк: %2.</source>
        <translation>Imported: %1 — the new-child requests go to the portal with the next sync; the portal finds each child in the registry or creates it with an accounting certificate. Rows skipped: %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="484"/>
        <source>Почему пропущены строки:</source>
        <translation>Why rows were skipped:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="489"/>
        <source>Пропущенные строки:</source>
        <translation>Skipped rows:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="491"/>
        <source>  строка %1: %2</source>
        <translation>  row %1: %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="492"/>
        <source>Все строки импортированы.</source>
        <translation>All rows were imported.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="143"/>
        <source>Восстановление из резервной копии</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="147"/>
        <source>Выберите резервную копию базы. Текущий файл базы не удаляется: он будет сохранён рядом (pfdo.sqlite3.damaged-…), и изменения, сделанные после копии и не отправленные на портал, останутся только в нём.</source>
        <translation>Choose a backup of the database. The current database file is not deleted: it is kept beside it (pfdo.sqlite3.damaged-…), and changes made after the backup and not sent to the portal remain only in it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="164"/>
        <source>Ищу резервные копии…</source>
        <translation>Looking for backups…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="166"/>
        <source>Восстановить</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="195"/>
        <source>ПК в этой копии не подключён к порталу — после восстановления понадобится новый код подключения (его выдаёт муниципальный опорный центр).</source>
        <translation>The PC in this copy is not connected to the portal — after restoring it you will need a new enrolment code (issued by the municipal support centre).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="199"/>
        <source>После восстановления синхронизируйте: всё, что есть на портале, загрузится заново.</source>
        <translation>After restoring, synchronise: everything on the portal will be downloaded again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="207"/>
        <source>Резервных копий нет (папка %1). Переименуйте повреждённый файл pfdo.sqlite3 и запустите программу: она создаст новую базу; подключите ПК заново и синхронизируйте. Неотправленные изменения останутся только в старом файле.</source>
        <translation>There are no backups (folder %1). Rename the damaged file pfdo.sqlite3 and start the program: it creates a new database; enrol the PC again and synchronise. Unsent changes stay only in the old file.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="213"/>
        <source>Все резервные копии повреждены: восстановить базу из них нельзя.</source>
        <translation>All backups are damaged: the database cannot be restored from them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="215"/>
        <source>Самая свежая исправная копия выбрана.</source>
        <translation>The newest sound backup is selected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="230"/>
        <source>Восстанавливаю…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="243"/>
        <source>Не удалось из-за внутренней ошибки.</source>
        <translation>Failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>RosterImportWizard</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="509"/>
        <source>Импорт списка детей</source>
        <translation>Import a list of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="513"/>
        <source>Далее &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="514"/>
        <source>&lt; Назад</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="515"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="516"/>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>RosterPreviewModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="27"/>
        <source>Строка</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="29"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="30"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="31"/>
        <source>СНИЛС</source>
        <translation>SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="32"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="33"/>
        <source>Законный представитель</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="34"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="35"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="28"/>
        <source>Проверка</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="101"/>
        <source>Строка будет импортирована</source>
        <translation>The row will be imported</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="146"/>
        <source>✔ будет импортирован</source>
        <translation>✔ will be imported</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="46"/>
        <source>Расписание</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="49"/>
        <source>По дням недели</source>
        <translation>By weekdays</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="50"/>
        <source>По датам</source>
        <translation>By dates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="60"/>
        <source>Добавить день</source>
        <translation>Add day</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="77"/>
        <source>Добавить дату</source>
        <translation>Add date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="79"/>
        <source>Удалить дату</source>
        <translation>Delete date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="103"/>
        <source>Изменение расписания пересоздаёт будущие занятия; занятия с отметками сохраняются.</source>
        <translation>A schedule change regenerates future lessons; lessons with marks are kept.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="200"/>
        <source>Введите дату занятия (ДД.ММ.ГГГГ), затем нажмите «Добавить дату».</source>
        <translation>Enter the lesson date (DD.MM.YYYY), then click &quot;Add date&quot;.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="44"/>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="53"/>
        <source>Язык меняется после перезапуска программы.</source>
        <translation>The language changes after a restart of the app.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="58"/>
        <source>только вручную</source>
        <translation>by hand only</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="59"/>
        <source>каждые %1 мин</source>
        <translation>every %1 min</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="60"/>
        <source>каждые %1 ч</source>
        <translation>every %1 h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="68"/>
        <source>не подключён</source>
        <translation>not connected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="69"/>
        <source>Проверить соединение</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="82"/>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="84"/>
        <source>Открыть папку</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="90"/>
        <source>Язык интерфейса:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="92"/>
        <source>Синхронизировать, пока программа открыта:</source>
        <translation>Synchronise while the app is open:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="93"/>
        <source>Портал:</source>
        <translation>Portal:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="97"/>
        <source>Включается командой pfdo-desktop schedule install</source>
        <translation>Turned on by the command pfdo-desktop schedule install</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="98"/>
        <source>Синхронизация по расписанию:</source>
        <translation>Scheduled synchronisation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="99"/>
        <source>Папка данных:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="100"/>
        <source>Резервные копии:</source>
        <translation>Backups:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="95"/>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="151"/>
        <source>Проверяю…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="119"/>
        <source>не настроена (pfdo-desktop schedule install)</source>
        <translation>not set up (pfdo-desktop schedule install)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="123"/>
        <source>следующая %1</source>
        <translation>next %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="125"/>
        <source>последняя %1 (%2)</source>
        <translation>last %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="156"/>
        <source>Портал «%1» отвечает (%2 мс).</source>
        <translation>The portal «%1» answers (%2 ms).</translation>
    </message>
</context>
<context>
    <name>SlotRow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="46"/>
        <source>понедельник</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="47"/>
        <source>вторник</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="48"/>
        <source>среда</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="49"/>
        <source>четверг</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="50"/>
        <source>пятница</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="51"/>
        <source>суббота</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="52"/>
        <source>воскресенье</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="183"/>
        <source>кабинет</source>
        <translation>room</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="186"/>
        <source>Удалить этот день</source>
        <translation>Delete this day</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="196"/>
        <source>с</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="198"/>
        <source>до</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="126"/>
        <source>Запускаю демонстрационный портал и загружаю данные…</source>
        <translation>Starting the demo portal and loading data…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="143"/>
        <source>Открываю базу данных…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="162"/>
        <source>Демо: портал запущен на %1</source>
        <translation>Demo: the portal runs at %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="192"/>
        <source>ПК подключён: %1. Загружаю данные…</source>
        <translation>This PC is connected: %1. Loading data…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="199"/>
        <source>ПК не подключён к порталу: отметки сохраняются, отправить их можно после подключения.</source>
        <translation>This PC is not connected to the portal: marks are saved and can be sent once it is connected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="209"/>
        <source>Не удалось открыть данные программы.</source>
        <translation>The program&apos;s data could not be opened.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="223"/>
        <source>Восстановить из резервной копии…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="225"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StringListEditor</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="113"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="106"/>
        <source>Доступна версия %1</source>
        <translation>Version %1 is available</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="109"/>
        <source>Портал опубликовал PFDO Desktop %1. Что нового:</source>
        <translation>The portal has published PFDO Desktop %1. What is new:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="114"/>
        <source>Портал не описал изменения.</source>
        <translation>The portal has not described the changes.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="115"/>
        <source>Файл установки скачивается только по кнопке «Скачать» и проверяется по контрольной сумме портала.</source>
        <translation>The installer is downloaded only when you press «Download» and is checked against the portal&apos;s checksum.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="121"/>
        <source>Скачать</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="124"/>
        <source>Установить</source>
        <translation>Install</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="125"/>
        <source>Открыть проверенный файл установки (его откроет система)</source>
        <translation>Open the checked installer (the system opens it)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="128"/>
        <source>Позже</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="154"/>
        <source>Скачиваю…</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="173"/>
        <source>Скачано %1 МБ…</source>
        <translation>Downloaded %1 MB…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="178"/>
        <source>Файл скачан и проверен: %1. Нажмите «Установить», затем закройте программу, чтобы установщик мог её обновить.</source>
        <translation>The file is downloaded and checked: %1. Press «Install», then close the program so that the installer can update it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="191"/>
        <source>Не удалось скачать новую версию из-за внутренней ошибки.</source>
        <translation>The new version could not be downloaded because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="212"/>
        <source>Установщик открыт. Закройте программу, чтобы он мог заменить её файлы.</source>
        <translation>The installer is open. Close the program so that it can replace its files.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="215"/>
        <source>Система не открыла файл. Откройте его сами: %1</source>
        <translation>The system did not open the file. Open it yourself: %1</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="56"/>
        <source>Портал опубликовал новую версию программы: что в ней нового и как её установить</source>
        <translation>The portal has published a new version of the program: what is new in it and how to install it</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="76"/>
        <source>Доступна версия %1</source>
        <translation>Version %1 is available</translation>
    </message>
</context>
</TS>
